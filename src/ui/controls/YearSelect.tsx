import { useI18n } from '../../i18n';
import { Select } from './Select';

/** Year picker over the dataset's years; null = the latest year (or every year, with `allLabel`). */
export function YearSelect({
  value,
  years,
  onChange,
  allowLatest = true,
  allLabel,
}: {
  value: number | null;
  years: readonly number[];
  onChange: (year: number | null) => void;
  allowLatest?: boolean;
  /** With allowLatest false: a '' option meaning "every year". */
  allLabel?: string;
}) {
  const { t } = useI18n();
  const latest = years[years.length - 1];
  return (
    <Select
      label={t('control.year')}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v === '' ? null : Number(v))}
      testId="year-select"
    >
      {allowLatest && <option value="">{t('control.latestYear', { year: latest ?? '—' })}</option>}
      {!allowLatest && allLabel && <option value="">{allLabel}</option>}
      {[...years].reverse().map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </Select>
  );
}
