import type { MetricUnit } from '../../domain/metrics';
import type { I18n } from '../../i18n';

/** A metric value in its unit: counts as integers, rates (0–1) as %, percents as they are. */
export function formatMetric(i18n: I18n, unit: MetricUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'rate') return i18n.pct(value, 1);
  if (unit === 'percent') return `${i18n.num(value, 1)}%`;
  return i18n.num(value, Number.isInteger(value) ? 0 : 2);
}

/** Compact axis ticks (万 / k) so long numbers do not crowd the axis. */
export function formatTick(i18n: I18n, unit: MetricUnit, value: number): string {
  if (unit === 'rate') return i18n.pct(value, 0);
  if (unit === 'percent') return `${i18n.num(value, 0)}%`;
  return new Intl.NumberFormat(i18n.locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
