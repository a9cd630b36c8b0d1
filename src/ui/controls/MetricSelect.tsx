import { useMemo } from 'react';
import { METRICS, type MetricCategory, type MetricDef } from '../../domain/metrics';
import { useI18n } from '../../i18n';
import { Select } from './Select';

export const CATEGORY_LABELS: Record<MetricCategory, { zh: string; en: string }> = {
  rate: { zh: '比率', en: 'Rates' },
  table3_group: { zh: '办理结果类别（件）', en: 'Outcome groups (count)' },
  table3_row: { zh: '表三各行（件）', en: 'Table 3 rows (count)' },
  table3_applicant: { zh: '按申请人类型（件）', en: 'By applicant type (count)' },
  table4: { zh: '行政复议和诉讼（件）', en: 'Review and litigation (count)' },
  table2: { zh: '主动公开（表二）', en: 'Proactive disclosure (table 2)' },
};

const BY_CATEGORY = (() => {
  const m = new Map<MetricCategory, MetricDef[]>();
  for (const def of METRICS) m.set(def.category, [...(m.get(def.category) ?? []), def]);
  return [...m];
})();

export function MetricSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t, label } = useI18n();
  // The ~100 options change only with the language: the same elements let React skip them when
  // the view re-renders for a new metric or year (issue 12).
  const options = useMemo(
    () =>
      BY_CATEGORY.map(([cat, defs]) => (
        <optgroup key={cat} label={label(CATEGORY_LABELS[cat])}>
          {defs.map((d) => (
            <option key={d.id} value={d.id}>
              {label(d.label)}
              {d.formats.length === 1 ? ` (${d.formats[0]})` : ''}
            </option>
          ))}
        </optgroup>
      )),
    [label],
  );
  return (
    <Select label={t('control.metric')} value={value} onChange={onChange} testId="metric-select">
      {options}
    </Select>
  );
}
