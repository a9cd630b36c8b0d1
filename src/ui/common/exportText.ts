/** Words and numbers shared by the views' subtitles and CSV files. */
import type { MetricUnit } from '../../domain/metrics';
import type { I18n } from '../../i18n';
import { provinceName } from '../../i18n/places';
import type { UnitFilter } from '../../state';
import type { CsvValue } from '../export/csv';

/** The province / level filter as words ("浙江省 · 县级"), or "全国" with no filter. */
export function filterText(i18n: I18n, filter: UnitFilter): string {
  const parts = [
    filter.province ? provinceName(i18n.lang, filter.province) : i18n.t('chart.allProvinces'),
    filter.level ? i18n.t(`level.${filter.level}`) : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Which units a multi-unit chart shows: the chosen ones, or the top `n` within the filter. */
export function unitsText(i18n: I18n, filter: UnitFilter, chosen: number, n: number): string {
  return [
    filterText(i18n, filter),
    chosen > 0 ? i18n.t('chart.chosen', { n: chosen }) : i18n.t('chart.top', { n }),
  ].join(' · ');
}

/** A CSV column name with its unit: rates are written as percent, and say so. */
export function valueHeader(i18n: I18n, name: string, unit: MetricUnit): string {
  return unit === 'count' ? name : i18n.lang === 'zh' ? `${name}（%）` : `${name} (%)`;
}

/** A value as the CSV writes it: a rate (0–1) as percent, rounded to what the data can say. */
export function csvNumber(unit: MetricUnit, v: number | null | undefined): CsvValue {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  return unit === 'rate' ? Math.round(v * 1e6) / 1e4 : v;
}
