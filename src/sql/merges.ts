/**
 * Units merged in the browser (src/domain/units/merges.ts), applied to the loaded data: the
 * mapping goes into `unit_merges`, and `reports.unit_id` / `parent_unit_id` are rewritten from
 * each report's ids as loaded (`unit_origin`). Rewriting the one column every builder groups by
 * means search, Compare, Trends, Report, Pivot and Coverage all show the merged unit with no
 * change of their own; `unit_origin` makes each apply start from the loaded ids, so undoing a
 * merge is applying the shorter list.
 */
import { Binder, type BoundQuery } from './bound';
import { alias, id } from './schema';

const CREATE = [
  `CREATE TABLE IF NOT EXISTS ${id('unit_origin')} (${id('report_id')} VARCHAR, ${id('unit_id')} VARCHAR, ${id('parent_unit_id')} VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ${id('unit_merges')} (${id('from_unit_id')} VARCHAR, ${id('into_unit_id')} VARCHAR)`,
];

/** The unit id a merge table maps `col` of `o` to (itself when unmerged). */
const mapped = (m: string, col: 'unit_id' | 'parent_unit_id') =>
  `coalesce(${m}.${id('into_unit_id')}, o.${id(col)})`;

/**
 * The statements that apply `pairs` (resolved from → into, `mergePairs`), in order. Reports
 * inserted since the last apply (an import) are recorded with the ids they came with; a report
 * replaced since (same report_id, fresh row: its unit_id is no longer what the last apply set)
 * is recorded again; removed reports are forgotten.
 */
export function applyMergesSql(pairs: readonly (readonly [string, string])[]): BoundQuery[] {
  const q = (sql: string): BoundQuery => ({ sql, params: [] });
  const b = new Binder();
  const insert =
    pairs.length === 0
      ? null
      : b.done(
          `INSERT INTO ${id('unit_merges')} VALUES ${pairs.map(([f, t]) => `(${b.v(f)}, ${b.v(t)})`).join(', ')}`,
        );
  const r = id('reports');
  const o = id('unit_origin');
  const rid = id('report_id');
  return [
    ...CREATE.map(q),
    q(`DELETE FROM ${o} WHERE ${rid} NOT IN (SELECT ${rid} FROM ${r})`),
    q(`DELETE FROM ${o} WHERE ${rid} IN (
  SELECT o.${rid} FROM ${o} o JOIN ${r} r USING (${rid})
  LEFT JOIN ${id('unit_merges')} m ON m.${id('from_unit_id')} = o.${id('unit_id')}
  WHERE r.${id('unit_id')} IS DISTINCT FROM ${mapped('m', 'unit_id')})`),
    q(`INSERT INTO ${o} SELECT ${rid}, ${id('unit_id')}, ${id('parent_unit_id')} FROM ${r}
WHERE ${rid} NOT IN (SELECT ${rid} FROM ${o})`),
    q(`DELETE FROM ${id('unit_merges')}`),
    ...(insert ? [insert] : []),
    q(`UPDATE ${r} SET ${id('unit_id')} = x.${id('unit_id')}, ${id('parent_unit_id')} = x.${id('parent_unit_id')}
FROM (
  SELECT o.${rid}, ${mapped('m', 'unit_id')} AS ${id('unit_id')},
    ${mapped('p', 'parent_unit_id')} AS ${id('parent_unit_id')}
  FROM ${o} o
  LEFT JOIN ${id('unit_merges')} m ON m.${id('from_unit_id')} = o.${id('unit_id')}
  LEFT JOIN ${id('unit_merges')} p ON p.${id('from_unit_id')} = o.${id('parent_unit_id')}
) x
WHERE ${r}.${rid} = x.${rid}
  AND (${r}.${id('unit_id')} IS DISTINCT FROM x.${id('unit_id')}
    OR ${r}.${id('parent_unit_id')} IS DISTINCT FROM x.${id('parent_unit_id')})`),
  ];
}

/**
 * What `checkMerge` judges two units on (src/domain/units/merges.ts): each one's government and
 * the year of every report it has, as the data stands (earlier merges applied).
 */
export function mergeCandidatesSql(unitIds: readonly string[]): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT ${id('unit_id')} AS ${alias('unitId')}, any_value(${id('parent_unit_id')}) AS ${alias('parentUnitId')},
  list_sort(list(${id('year')}::INTEGER)) AS ${alias('years')}
FROM ${id('reports')}
WHERE ${id('unit_id')} IN (${b.list(unitIds)})
GROUP BY ${id('unit_id')}`);
}

/**
 * (unit, year) pairs of merged units that hold more than one report: a merge made before an import
 * brought a report of the other unit for a year both now have. The list names them; nothing is
 * dropped silently.
 */
export function mergeConflictsSql(): BoundQuery {
  return new Binder().done(`
SELECT ${id('unit_id')} AS ${alias('unitId')}, ${id('year')}::INTEGER AS ${alias('year')}, count(*)::INTEGER AS ${alias('reports')}
FROM ${id('reports')}
WHERE ${id('unit_id')} IN (SELECT ${id('into_unit_id')} FROM ${id('unit_merges')})
GROUP BY ALL HAVING count(*) > 1
ORDER BY 1, 2`);
}
