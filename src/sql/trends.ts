/** 趋势: a metric per unit and year, as absolute values, an index (first year = 100) or YoY %. */
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
  mode: 'absolute' | 'relative' | 'yoy';
}

const MODE_EXPR = {
  absolute: 'absolute',
  // Index against the unit's first non-null value in range.
  relative: `CASE WHEN first_value(absolute IGNORE NULLS) OVER whole <> 0
    THEN 100 * absolute / first_value(absolute IGNORE NULLS) OVER whole END`,
  // Only against the calendar year before: a gap in reporting gives no YoY value, and neither
  // does the format change (2020 → 2021): the two national formats count differently.
  yoy: `CASE WHEN lag(year) OVER w = year - 1 AND lag(format) OVER w = format AND lag(absolute) OVER w <> 0
    THEN 100 * (absolute - lag(absolute) OVER w) / lag(absolute) OVER w END`,
} as const;

/**
 * Does the value compare across the format change? An index whose base year was printed in the
 * other format is drawn but marked; a YoY across it is withheld and marked.
 */
const BREAK_EXPR = {
  absolute: 'false',
  relative: `coalesce(first_value(CASE WHEN absolute IS NOT NULL THEN format END IGNORE NULLS) OVER whole <> format
    AND absolute IS NOT NULL, false)`,
  yoy: `coalesce(lag(year) OVER w = year - 1 AND lag(format) OVER w <> format, false)`,
} as const;

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
  const mode = MODE_EXPR[q.mode];
  if (!mode) throw new Error(`invalid trend mode: ${q.mode}`);
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
  (${mode})::DOUBLE AS ${alias('value')}, absolute AS ${alias('absolute')},
  comparable AS ${alias('comparable')}, check_failures AS ${alias('checkFailures')},
  ${BREAK_EXPR[q.mode]} AS ${alias('crossesBreak')}
FROM v
WINDOW w AS (PARTITION BY unit_id ORDER BY year),
  whole AS (PARTITION BY unit_id ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
ORDER BY arg_max(unit, year) OVER (PARTITION BY unit_id), unit_id, year`);
}
