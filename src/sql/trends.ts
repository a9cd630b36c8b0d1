/**
 * 趋势: a metric per unit and year, absolute. The modes (index, YoY %) are computed from these
 * rows in JS (src/domain/metrics/trend-modes.ts), so switching mode asks DuckDB nothing.
 */
import { Binder, type BoundQuery } from './bound';
import type { CorrectedCell } from './corrected';
import { inList, where } from './filters';
import { metricSql, valueExpr } from './metric';
import { perReportTerms } from './metric-terms';
import { alias, id } from './schema';

export interface TrendsQuery {
  /** Corrected values to read instead of the printed ones (\"with corrections\"); none = as printed. */
  corrections?: readonly CorrectedCell[];
  metric: string;
  units: readonly string[];
  from?: number | null;
  to?: number | null;
}

export function trendsSql(q: TrendsQuery): BoundQuery {
  const b = new Binder();
  const m = metricSql(b, q.metric);
  const units = inList(b, 'unit_id', q.units);
  const from = q.from ?? null;
  const to = q.to ?? null;
  const years = [
    from === null ? null : `${id('year')} >= ${b.v(from)}`,
    to === null ? null : `${id('year')} <= ${b.v(to)}`,
  ];
  const ok = m.comparable(`r.${id('format')}`);
  const num = `CASE WHEN ${ok} THEN m.num END`;
  const den = `CASE WHEN ${ok} THEN m.den END`;
  return b.done(`
WITH m AS (
  ${perReportTerms(b, m, q.corrections, [units, ...years])}
), v AS (
  SELECT r.${id('unit_id')} AS unit_id, r.${id('unit')} AS unit, r.${id('report_id')} AS report_id,
    r.${id('year')}::INTEGER AS year, r.${id('format')} AS format,
    ${ok} AS comparable, ${valueExpr(m, num, den)} AS absolute,
    r.${id('check_failures')}::DOUBLE AS check_failures
  FROM ${id('reports')} r
  LEFT JOIN m ON m.${id('report_id')} = r.${id('report_id')}
  WHERE ${where([inList(b, 'unit_id', q.units, 'r'), ...years.map((y) => (y ? `r.${y}` : null))])}
)
SELECT unit_id AS ${alias('unitId')}, unit AS ${alias('unit')}, report_id AS ${alias('reportId')}, year AS ${alias('year')}, format AS ${alias('format')},
  absolute AS ${alias('absolute')}, comparable AS ${alias('comparable')}, check_failures AS ${alias('checkFailures')}
FROM v
ORDER BY arg_max(unit, year) OVER (PARTITION BY unit_id), unit_id, year`);
}
