/**
 * 省份地图: one metric for one year, aggregated to each province over the reports in scope. A rate
 * is Σnumerator / Σdenominator over the reports that print both (never a mean of the units'
 * rates); a count is the sum over the reports that print it. Each row says how many reports were
 * in scope and how many of them added a figure, so a province with few reports reads as such.
 */
import type { RegionLevel } from '../domain/vocab';
import { Binder, type BoundQuery } from './bound';
import type { CorrectedCell } from './corrected';
import { eq, inList, where } from './filters';
import { metricSql } from './metric';
import { latestPerUnit, perReportTerms } from './metric-terms';
import { alias, id } from './schema';

export interface ProvinceMapQuery {
  metric: string;
  year: number;
  /** unit_ids; empty = every unit. */
  units: readonly string[];
  level?: RegionLevel | null;
  /** Each unit's latest report up to `year` instead of `year` only. */
  latestEach?: boolean;
  corrections?: readonly CorrectedCell[];
}

export function provinceMapSql(q: ProvinceMapQuery): BoundQuery {
  const b = new Binder();
  const m = metricSql(b, q.metric);
  const year = b.v(q.year);
  const yearCmp = q.latestEach ? '<=' : '=';
  const units = q.units.length > 0 ? q.units : undefined;
  const scope = where([
    `r.${id('year')} ${yearCmp} ${year}`,
    `r.${id('province')} IS NOT NULL`,
    inList(b, 'unit_id', units, 'r'),
    eq(b, 'level', q.level, 'r'),
  ]);
  const ok = m.comparable(`r.${id('format')}`);
  // A report adds to a rate only with both terms printed, so numerator and denominator cover the same reports.
  const counted = m.denominator ? 'm.num IS NOT NULL AND m.den IS NOT NULL' : 'm.num IS NOT NULL';
  return b.done(`
WITH m AS (
  ${perReportTerms(b, m, q.corrections, [`${id('year')} ${yearCmp} ${year}`, inList(b, 'unit_id', units)])}
), r AS (
  SELECT r.* FROM ${id('reports')} r
  WHERE ${scope}${latestPerUnit(q.latestEach)}
), x AS (
  SELECT r.${id('province')} AS province, CASE WHEN ${ok} AND ${counted} THEN m.num END AS num,
    CASE WHEN ${ok} AND ${counted} THEN m.den END AS den
  FROM r LEFT JOIN m ON m.${id('report_id')} = r.${id('report_id')}
)
SELECT province AS ${alias('province')}, sum(num)::DOUBLE AS ${alias('numerator')},
  ${m.denominator ? 'sum(den)::DOUBLE' : 'NULL::DOUBLE'} AS ${alias('denominator')},
  ${m.denominator ? 'CASE WHEN sum(den) <> 0 THEN sum(num) / sum(den) END' : 'sum(num)'}::DOUBLE AS ${alias('value')},
  count(*)::INTEGER AS ${alias('reports')}, count(num)::INTEGER AS ${alias('reported')}
FROM x GROUP BY province ORDER BY province`);
}
