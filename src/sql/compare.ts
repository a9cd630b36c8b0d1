/** 对比: one metric for one year, one row per report of the chosen units. */
import { type Order, QUERY_DEFAULTS, type RegionLevel } from '../domain/vocab';
import { Binder, type BoundQuery } from './bound';
import type { CorrectedCell } from './corrected';
import { eq, inList, where } from './filters';
import { metricSql, valueExpr } from './metric';
import { latestPerUnit, perReportTerms } from './metric-terms';
import { alias, id } from './schema';

export interface CompareQuery {
  /** Corrected values to read instead of the printed ones (\"with corrections\"); none = as printed. */
  corrections?: readonly CorrectedCell[];
  metric: string;
  year: number;
  /** unit_ids; empty = all units (of `kind` / `parent` when given). Either way only units of `province` / `level` when given. */
  units: readonly string[];
  /** Only with empty `units`: units of this kind (government, department, township, other). */
  kind?: string | null;
  /** Only with empty `units`: the units belonging to this government (its unit_id). */
  parent?: string | null;
  /** With `units`, a column (`inScope`), not a filter: see `compareSql`. */
  province?: string | null;
  level?: RegionLevel | null;
  order?: Order;
  /** Only with empty `units` (chosen units all come back; the caller keeps as many as it draws). */
  limit?: number;
  /** Each unit's latest report up to `year` instead of `year` only. */
  latestEach?: boolean;
}

/**
 * One row per report in scope, by value. With empty `units`: the reports of `year` (or each
 * unit's latest) that the filters keep, the first `limit`. With `units`: every chosen unit's
 * report, with `inScope` telling whether the province / level filter keeps it, in one statement
 * rather than a second one asking which units have a report (DuckDB runs one at a time).
 */
export function compareSql(q: CompareQuery): BoundQuery {
  const b = new Binder();
  const m = metricSql(b, q.metric);
  const year = b.v(q.year);
  // Each unit's latest report up to `year`, or exactly `year`.
  const yearCmp = q.latestEach ? '<=' : '=';
  const units = q.units.length > 0 ? q.units : undefined;
  const filters = [eq(b, 'province', q.province, 'r'), eq(b, 'level', q.level, 'r')];
  const scope = where([
    `r.${id('year')} ${yearCmp} ${year}`,
    inList(b, 'unit_id', units, 'r'),
    ...(units ? [] : filters),
    units ? null : eq(b, 'unit_kind', q.kind, 'r'),
    units ? null : eq(b, 'parent_unit_id', q.parent, 'r'),
  ]);
  const ok = m.comparable(`r.${id('format')}`);
  const num = `CASE WHEN ${ok} THEN m.num END`;
  const den = `CASE WHEN ${ok} THEN m.den END`;
  const dir = (q.order ?? QUERY_DEFAULTS.compare.order) === 'asc' ? 'ASC' : 'DESC';
  return b.done(`
WITH m AS (
  ${perReportTerms(b, m, q.corrections, [`${id('year')} ${yearCmp} ${year}`, inList(b, 'unit_id', units)])}
)
SELECT r.${id('unit_id')} AS ${alias('unitId')}, r.${id('unit')}, r.${id('report_id')} AS ${alias('reportId')}, r.${id('format')},
  r.${id('province')}, r.${id('level')}, ${ok} AS ${alias('comparable')},
  ${num} AS ${alias('numerator')}, ${m.denominator ? den : 'NULL::DOUBLE'} AS ${alias('denominator')},
  ${valueExpr(m, num, den)} AS ${alias('value')},
  r.${id('check_failures')}::DOUBLE AS ${alias('checkFailures')}, r.${id('year')}::INTEGER AS ${alias('year')}${
    units ? `,\n  ${where(filters)} AS ${alias('inScope')}` : ''
  }
FROM ${id('reports')} r
LEFT JOIN m ON m.${id('report_id')} = r.${id('report_id')}
WHERE ${scope}${latestPerUnit(q.latestEach)}
ORDER BY ${alias('value')} ${dir} NULLS LAST, r.${id('unit')}, r.${id('unit_id')}${
    units ? '' : `\nLIMIT ${b.v(q.limit ?? QUERY_DEFAULTS.compare.limit)}`
  }`);
}
