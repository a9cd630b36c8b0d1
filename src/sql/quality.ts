/** 数据质量: coverage of unit × year and the list of failed checks. */
import { Binder, type BoundQuery } from './bound';
import { inList, where } from './filters';
import { alias, id } from './schema';

export interface QualityQuery {
  provinces?: readonly string[];
  levels?: readonly string[];
  years?: readonly number[];
  /** unit_ids. */
  units?: readonly string[];
  rules?: readonly string[];
  /** Only the failed checks whose review key (report_id ␟ rule ␟ location) is (`in`) or is not among `keys`. */
  reviewed?: ReviewFilter;
}

export interface ReviewFilter {
  keys: readonly string[];
  in: boolean;
}

/** The analyst's reviews live in the browser, not in DuckDB: the few keys are bound as a list. */
function reviewScope(b: Binder, r: ReviewFilter | undefined): string | null {
  if (!r) return null;
  if (r.keys.length === 0) return r.in ? 'FALSE' : null;
  const key = `c.${id('report_id')} || ${b.v('\u001f')} || c.${id('rule')} || ${b.v('\u001f')} || c.${id('location')}`;
  return `${key} ${r.in ? '' : 'NOT '}IN (${b.list(r.keys)})`;
}

function reportScope(b: Binder, q: QualityQuery, a: string): string {
  return where([
    inList(b, 'province', q.provinces, a),
    inList(b, 'level', q.levels, a),
    inList(b, 'unit_id', q.units, a),
  ]);
}

/** Separators of `coverageSql`'s packed cells: ASCII unit/record separators, never in a report id. */
export const COVERAGE_FIELD = '\u001f';
export const COVERAGE_CELL = '\u001e';

/** Between the units of `coverageSql`'s answer, and between a unit's fields (ASCII group/file separators). */
export const COVERAGE_UNIT = '\u001d';
export const COVERAGE_COLUMN = '\u001c';

/**
 * The coverage grid of the scope as ONE text: its units in display order joined by ␝, each
 * `unitId␜unit␜province␜level␜reported␜failed␜missing␜cells` (src/queries/coverage.ts reads it).
 * `cells` packs the unit's years as `year␟failures␟reportId` joined by ␞ (reportId empty =
 * missing; failures counts failed checks, of `rules` when given); reported/failed/missing count
 * its years with a report, with failed checks, without a report (the summary and filters need no
 * cell). Years are those present in the dataset (or `years`). Reads the `coverage` table built
 * after loading (src/sql/derived.ts); only a rule filter recounts, from the few failed checks, and
 * keeps only units that have such failures (the view shows no others).
 * One text, not rows: carrying the grid out of the worker was most of the query's time at
 * nationwide scale, and turning ~4,000 rows of strings into JS (one UTF-8 decode per string, on
 * the main thread) still cost more than the query (issue 12); one decode and a split are cheap.
 * Names are the only free text: a separator in one (a control character, which nothing shows)
 * reads as U+FFFD.
 */
export function coverageSql(q: QualityQuery): BoundQuery {
  const b = new Binder();
  const scope = [
    inList(b, 'province', q.provinces, 'v'),
    inList(b, 'level', q.levels, 'v'),
    inList(b, 'unit_id', q.units, 'v'),
  ];
  const all = (records: string) =>
    `SELECT string_agg(u.${id('record')}, ${b.v(COVERAGE_UNIT)} ORDER BY u.${id('ord')}) AS ${alias('units')}
FROM ${records} u`;
  // The whole grid or some units of it: the records built with the grid (`buildCoverageUnits`).
  if (q.rules === undefined && q.years === undefined)
    return b.done(all(`(SELECT * FROM ${id('coverage_units')} v WHERE ${where(scope)})`));
  const years = where([...scope, inList(b, 'year', q.years, 'v')]);
  if (q.rules === undefined)
    return b.done(
      all(`(SELECT ${unitRecord(b, `v.${id('failures')}`)} FROM ${id('coverage')} v
WHERE ${years} GROUP BY v.${id('unit_id')})`),
    );
  const rules = where([inList(b, 'rule', q.rules, 'c')]);
  const only = q.rules.length > 0 ? ` AND v.${id('unit_id')} IN (SELECT ${id('unit_id')} FROM f)` : '';
  return b.done(`WITH f AS (
  SELECT r.${id('unit_id')}, r.${id('year')}::INTEGER AS ${id('year')}, count(*)::DOUBLE AS n
  FROM ${id('checks')} c JOIN ${id('reports')} r ON r.${id('report_id')} = c.${id('report_id')}
  WHERE ${rules}
  GROUP BY ALL
)
${all(`(SELECT ${unitRecord(b, 'coalesce(f.n, 0)::DOUBLE')} FROM ${id('coverage')} v
LEFT JOIN f ON f.${id('unit_id')} = v.${id('unit_id')} AND f.${id('year')} = v.${id('year')}
WHERE ${years}${only} GROUP BY v.${id('unit_id')})`)}`);
}

/**
 * One unit's record of the packed grid (see coverageSql), with its `ord`, province and level, as
 * aggregates over its rows `v` of the coverage table (`failures`: the failed checks counted).
 */
function unitRecord(b: Binder, failures: string): string {
  const f = b.v(COVERAGE_FIELD);
  const c = b.v(COVERAGE_COLUMN);
  const clean = (text: string) =>
    `replace(replace(coalesce(${text}, ''), ${c}, ${b.v('\uFFFD')}), ${b.v(COVERAGE_UNIT)}, ${b.v('\uFFFD')})`;
  const reported = `v.${id('report_id')} IS NOT NULL`;
  const fields = [
    `v.${id('unit_id')}`,
    clean(`any_value(v.${id('unit')})`),
    clean(`any_value(v.${id('province')})`),
    `coalesce(any_value(v.${id('level')}), '')`,
    `count(*) FILTER (WHERE ${reported})::VARCHAR`,
    `count(*) FILTER (WHERE ${reported} AND ${failures} > 0)::VARCHAR`,
    `count(*) FILTER (WHERE NOT ${reported})::VARCHAR`,
    `string_agg(v.${id('year')}::VARCHAR || ${f} || (${failures})::BIGINT::VARCHAR || ${f} || coalesce(v.${id('report_id')}, ''),
    ${b.v(COVERAGE_CELL)} ORDER BY v.${id('year')})`,
  ];
  return `v.${id('unit_id')}, min(v.${id('ord')}) AS ${id('ord')}, any_value(v.${id('province')}) AS ${id('province')},
  any_value(v.${id('level')}) AS ${id('level')}, ${fields.join(` || ${c} || `)} AS ${id('record')}`;
}

/**
 * Every unit's record of the whole grid, built once with it after loading (a late table): the
 * Quality view opens on the whole grid, and grouping 27,000 cells per unit was most of its query.
 * Without `cells`, in one statement; with it, the units whose cells' `ord` lie in that range,
 * creating the table (`first`) or adding to it: a unit's cells are consecutive in `ord`
 * (buildCoverage), so a range of whole units builds in slices, each a short statement.
 */
export function buildCoverageUnits(cells?: { from: number; to: number; first: boolean }): BoundQuery {
  const b = new Binder();
  const select = `SELECT ${unitRecord(b, `v.${id('failures')}`)}
FROM ${id('coverage')} v${cells ? `\nWHERE v.${id('ord')} BETWEEN ${b.v(cells.from)} AND ${b.v(cells.to)}` : ''}
GROUP BY v.${id('unit_id')}`;
  return b.done(
    !cells || cells.first
      ? `CREATE OR REPLACE TABLE ${id('coverage_units')} AS\n${select}`
      : `INSERT INTO ${id('coverage_units')}\n${select}`,
  );
}

/** The grid's size: its cells (the largest `ord`) and its years (cells per unit). */
export function coverageShapeSql(): BoundQuery {
  return new Binder().done(
    `SELECT coalesce(max(${id('ord')}), 0)::INTEGER AS ${alias('cells')}, count(DISTINCT ${id('year')})::INTEGER AS ${alias('years')} FROM ${id('coverage')}`,
  );
}

function checksFrom(b: Binder, q: QualityQuery): string {
  return `${id('checks')} c JOIN ${id('reports')} r ON r.${id('report_id')} = c.${id('report_id')}
WHERE ${where([
    reportScope(b, q, 'r'),
    inList(b, 'year', q.years, 'r'),
    inList(b, 'rule', q.rules, 'c'),
    reviewScope(b, q.reviewed),
  ])}`;
}

export function failedChecksSql(q: QualityQuery, limit: number): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT c.${id('report_id')}, c.${id('rule')}, c.${id('location')}, c.${id('expected')}, c.${id('actual')},
  c.${id('message')}, r.${id('unit_id')} AS ${alias('unitId')}, r.${id('unit')}, r.${id('year')}::INTEGER AS ${id('year')}, r.${id('format')}
FROM ${checksFrom(b, q)}
ORDER BY r.${id('unit')}, r.${id('unit_id')}, r.${id('year')}, c.${id('rule')}, c.${id('location')}
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
