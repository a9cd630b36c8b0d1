import type { MetricUnit } from '../../domain/metrics';
import type { I18n } from '../../i18n';

/** A metric value in its unit: counts as integers, rates (0–1) as %, percents as they are. */
export function formatMetric(i18n: I18n, unit: MetricUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'rate') return i18n.pct(value, 1);
  if (unit === 'percent') return `${i18n.num(value, 1)}%`;
  return i18n.num(value, Number.isInteger(value) ? 0 : 2);
}

/**
 * Axis ticks in one notation per axis: with `max` (the axis' largest value) at 10,000 or more,
 * every tick is in 万 (zh) or k (en), so an axis never mixes "1050" with "1.2万".
 */
export function formatTick(i18n: I18n, unit: MetricUnit, value: number, max = Math.abs(value)): string {
  if (unit === 'rate') return i18n.pct(value, 0);
  if (unit === 'percent') return `${i18n.num(value, 0)}%`;
  if (Math.abs(max) < 10_000) return i18n.num(value, 1);
  return i18n.lang === 'zh' ? `${i18n.num(value / 10_000, 1)}万` : `${i18n.num(value / 1_000, 1)}k`;
}
