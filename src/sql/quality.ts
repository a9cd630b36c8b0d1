/** 数据质量: coverage of unit × year and the list of failed checks. */
import { Binder, type BoundQuery } from './bound';
import { inList, where } from './filters';
import { alias, id } from './schema';

export interface QualityQuery {
  provinces?: readonly string[];
  levels?: readonly string[];
  years?: readonly number[];
  units?: readonly string[];
  rules?: readonly string[];
}

function reportScope(b: Binder, q: QualityQuery, a: string): string {
  return where([
    inList(b, 'province', q.provinces, a),
    inList(b, 'level', q.levels, a),
    inList(b, 'unit', q.units, a),
  ]);
}

/**
 * One row per unit × year of the scope; reportId null = missing. `failures` counts failed
 * checks (of `rules` when given). Years are those present in the dataset (or `years`).
 */
export function coverageSql(q: QualityQuery): BoundQuery {
  const b = new Binder();
  return b.done(`
WITH u AS (
  SELECT ${id('unit')} AS unit, any_value(${id('province')}) AS province, any_value(${id('level')}) AS level
  FROM ${id('reports')} r WHERE ${reportScope(b, q, 'r')} GROUP BY ${id('unit')}
), y AS (
  SELECT DISTINCT ${id('year')}::INTEGER AS year FROM ${id('reports')} r WHERE ${where([inList(b, 'year', q.years, 'r')])}
), f AS (
  SELECT ${id('report_id')} AS report_id, count(*)::DOUBLE AS n FROM ${id('checks')} c
  WHERE ${where([inList(b, 'rule', q.rules, 'c')])} GROUP BY ${id('report_id')}
)
SELECT u.unit AS ${alias('unit')}, u.province AS ${alias('province')}, u.level AS ${alias('level')},
  y.year AS ${alias('year')}, min(r.${id('report_id')}) AS ${alias('reportId')},
  coalesce(sum(f.n), 0)::DOUBLE AS ${alias('checkFailures')}
FROM u CROSS JOIN y
LEFT JOIN ${id('reports')} r ON r.${id('unit')} = u.unit AND r.${id('year')} = y.year
LEFT JOIN f ON f.report_id = r.${id('report_id')}
GROUP BY ALL
ORDER BY u.province NULLS LAST, u.unit, y.year`);
}

function checksFrom(b: Binder, q: QualityQuery): string {
  return `${id('checks')} c JOIN ${id('reports')} r ON r.${id('report_id')} = c.${id('report_id')}
WHERE ${where([reportScope(b, q, 'r'), inList(b, 'year', q.years, 'r'), inList(b, 'rule', q.rules, 'c')])}`;
}

export function failedChecksSql(q: QualityQuery, limit: number): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT c.${id('report_id')}, c.${id('rule')}, c.${id('location')}, c.${id('expected')}, c.${id('actual')},
  c.${id('message')}, r.${id('unit')}, r.${id('year')}::INTEGER AS ${id('year')}, r.${id('format')}
FROM ${checksFrom(b, q)}
ORDER BY r.${id('unit')}, r.${id('year')}, c.${id('rule')}, c.${id('location')}
LIMIT ${b.v(limit)}`);
}

/** Failures per rule within the scope, ignoring the rule filter (so the rule picker lists all). */
export function ruleCountsSql(q: QualityQuery): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT c.${id('rule')}, count(*)::DOUBLE AS ${alias('count')}
FROM ${checksFrom(b, { ...q, rules: undefined })}
GROUP BY c.${id('rule')}
ORDER BY ${alias('count')} DESC, c.${id('rule')}`);
}
