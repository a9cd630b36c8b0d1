/** 对比: one metric for one year, one row per report of the chosen units. */
import { type Order, QUERY_DEFAULTS, type RegionLevel } from '../domain/vocab';
import { Binder, type BoundQuery } from './bound';
import { type CorrectedCell, correctedSource } from './corrected';
import { eq, inList, where } from './filters';
import { metricSql, valueExpr } from './metric';
import { alias, id } from './schema';

export interface CompareQuery {
  /** Corrected values to read instead of the printed ones (\"with corrections\"); none = as printed. */
  corrections?: readonly CorrectedCell[];
  metric: string;
  year: number;
  /** Empty = all units. Either way only units of `province` / `level` when given. */
  units: readonly string[];
  province?: string | null;
  level?: RegionLevel | null;
  order?: Order;
  limit?: number;
}

export function compareSql(q: CompareQuery): BoundQuery {
  const b = new Binder();
  const m = metricSql(b, q.metric);
  const year = b.v(q.year);
  const units = q.units.length > 0 ? q.units : undefined;
  const scope = where([
    `r.${id('year')} = ${year}`,
    inList(b, 'unit', units, 'r'),
    eq(b, 'province', q.province, 'r'),
    eq(b, 'level', q.level, 'r'),
  ]);
  const ok = m.comparable(`r.${id('format')}`);
  const num = `CASE WHEN ${ok} THEN m.num END`;
  const den = `CASE WHEN ${ok} THEN m.den END`;
  const dir = (q.order ?? QUERY_DEFAULTS.compare.order) === 'asc' ? 'ASC' : 'DESC';
  return b.done(`
WITH m AS (
  SELECT ${id('report_id')}, ${m.numerator} AS num, ${m.denominator ?? 'NULL::DOUBLE'} AS den
  FROM ${correctedSource(b, m.table, q.corrections)}
  WHERE ${m.rows} AND ${id('year')} = ${year}${units ? ` AND ${inList(b, 'unit', units)}` : ''}
  GROUP BY ${id('report_id')}
)
SELECT r.${id('unit')}, r.${id('report_id')} AS ${alias('reportId')}, r.${id('format')},
  r.${id('province')}, r.${id('level')}, ${ok} AS ${alias('comparable')},
  ${num} AS ${alias('numerator')}, ${m.denominator ? den : 'NULL::DOUBLE'} AS ${alias('denominator')},
  ${valueExpr(m, num, den)} AS ${alias('value')},
  r.${id('check_failures')}::DOUBLE AS ${alias('checkFailures')}
FROM ${id('reports')} r
LEFT JOIN m ON m.${id('report_id')} = r.${id('report_id')}
WHERE ${scope}
ORDER BY ${alias('value')} ${dir} NULLS LAST, r.${id('unit')}
LIMIT ${b.v(q.limit ?? QUERY_DEFAULTS.compare.limit)}`);
}

/** Which of `units` have a report in `year` (to list the missing ones). */
export function unitsWithReportSql(units: readonly string[], year: number): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT DISTINCT ${id('unit')} FROM ${id('reports')}
WHERE ${where([`${id('year')} = ${b.v(year)}`, inList(b, 'unit', units)])}`);
}
