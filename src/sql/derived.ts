/**
 * Helper tables built once after loading, so that interactions stay fast at nationwide scale
 * (≈7M cell rows): table 三 is pivoted to one row per report × row with the seven applicant
 * columns side by side (7× fewer rows) and report dimensions copied in (no join per query).
 * Not sorted: every view query orders its own (aggregated) result, and sorting the 574k wide
 * rows cost ≈ 0.6 s of the nationwide load.
 */
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS } from '../domain/keys';
import { Binder, type BoundQuery } from './bound';
import { id, REPORT_DIMS } from './schema';

const dims = (alias: string) => REPORT_DIMS.map((d) => `${alias}.${id(d)}`).join(', ');

function pivotCols(
  b: Binder,
  cols: readonly ((typeof TABLE3_COLUMNS)[number] | (typeof TABLE4_COLUMNS)[number])[],
) {
  return cols
    .map((c) => `max(c.${id('value')}) FILTER (WHERE c.${id('col')} = ${b.v(c)}) AS ${id(c)}`)
    .join(',\n  ');
}

/**
 * The cells of one printed table turned wide, grouped by (report_id, row) only: the report
 * dimensions are joined afterwards, so the big aggregation hashes two keys instead of ten
 * strings (at nationwide scale this was most of the load time).
 */
function wide(b: Binder, table: 'table3' | 'table4', cols: Parameters<typeof pivotCols>[1]): string {
  return `SELECT c.${id('report_id')}, c.${id('row')},
  ${pivotCols(b, cols)}
FROM ${id('cells')} c
WHERE c.${id('table')} = ${b.v(table)}
GROUP BY c.${id('report_id')}, c.${id('row')}`;
}

export function buildT3x(): BoundQuery {
  const b = new Binder();
  const w = wide(b, 'table3', TABLE3_COLUMNS);
  const groups = TABLE3_ROWS.map((r) => `(${b.v(r.key)}, ${b.v(r.group)})`).join(', ');
  return b.done(`
CREATE OR REPLACE TABLE ${id('t3x')} AS
WITH w AS (${w})
SELECT r.${id('report_id')}, ${dims('r')}, w.${id('row')}, g.grp AS ${id('grp')},
  ${TABLE3_COLUMNS.map((c) => `w.${id(c)}`).join(', ')}
FROM w
JOIN ${id('reports')} r ON r.${id('report_id')} = w.${id('report_id')}
LEFT JOIN (VALUES ${groups}) g(k, grp) ON g.k = w.${id('row')}`);
}

export function buildT4x(): BoundQuery {
  const b = new Binder();
  const w = wide(b, 'table4', TABLE4_COLUMNS);
  return b.done(`
CREATE OR REPLACE TABLE ${id('t4x')} AS
WITH w AS (${w})
SELECT r.${id('report_id')}, ${dims('r')}, w.${id('row')},
  ${TABLE4_COLUMNS.map((c) => `w.${id(c)}`).join(', ')}
FROM w
JOIN ${id('reports')} r ON r.${id('report_id')} = w.${id('report_id')}`);
}

export function buildT2x(): BoundQuery {
  const b = new Binder();
  const table = b.v('table2');
  return b.done(`
CREATE OR REPLACE TABLE ${id('t2x')} AS
SELECT r.${id('report_id')}, ${dims('r')}, c.${id('row')}, c.${id('col')}, c.${id('value')}
FROM ${id('cells')} c
JOIN ${id('reports')} r ON r.${id('report_id')} = c.${id('report_id')}
WHERE c.${id('table')} = ${table}`);
}

/**
 * Every unit × every year of the dataset with its report (lowest report_id if several) and all
 * its failed checks, in display order (`ord`). The grid was a cross join per interaction
 * (≈ 200 ms at nationwide scale, as slow natively); now the quality view filters this table.
 */
export function buildCoverage(): BoundQuery {
  const b = new Binder();
  return b.done(`
CREATE OR REPLACE TABLE ${id('coverage')} AS
WITH u AS (
  SELECT ${id('unit')}, any_value(${id('province')}) AS ${id('province')}, any_value(${id('level')}) AS ${id('level')}
  FROM ${id('reports')} GROUP BY ${id('unit')}
), y AS (
  SELECT DISTINCT ${id('year')}::INTEGER AS ${id('year')} FROM ${id('reports')}
), f AS (
  SELECT ${id('report_id')}, count(*)::DOUBLE AS n FROM ${id('checks')} GROUP BY ${id('report_id')}
), g AS (
  SELECT u.${id('unit')}, u.${id('province')}, u.${id('level')}, y.${id('year')},
    min(r.${id('report_id')}) AS ${id('report_id')}, coalesce(sum(f.n), 0)::DOUBLE AS ${id('failures')}
  FROM u CROSS JOIN y
  LEFT JOIN ${id('reports')} r ON r.${id('unit')} = u.${id('unit')} AND r.${id('year')} = y.${id('year')}
  LEFT JOIN f ON f.${id('report_id')} = r.${id('report_id')}
  GROUP BY ALL
)
SELECT row_number() OVER (ORDER BY ${id('province')} NULLS LAST, ${id('unit')}, ${id('year')})::INTEGER AS ${id('ord')}, *
FROM g
ORDER BY ${id('ord')}`);
}

/** Distinct unit names, to compute their pinyin in JS (pinyin-pro) before `buildUnits`. */
export const SELECT_UNIT_NAMES = `SELECT DISTINCT ${id('unit')} FROM ${id('reports')}`;

export const CREATE_UNIT_PINYIN = `CREATE OR REPLACE TABLE ${id('unit_pinyin')} (${id('unit')} VARCHAR, ${id('pinyin')} VARCHAR, ${id('initials')} VARCHAR)`;

/** Insert a batch of (unit, pinyin, initials) rows. */
export function insertUnitPinyin(rows: readonly (readonly [string, string, string])[]): BoundQuery {
  const b = new Binder();
  const values = rows.map(([u, p, i]) => `(${b.v(u)}, ${b.v(p)}, ${b.v(i)})`).join(', ');
  return b.done(`INSERT INTO ${id('unit_pinyin')} VALUES ${values}`);
}

/** One row per unit with its region and years, joined to its pinyin. */
export function buildUnits(): BoundQuery {
  const b = new Binder();
  return b.done(`
CREATE OR REPLACE TABLE ${id('units')} AS
SELECT r.${id('unit')}, any_value(r.${id('unit_kind')}) AS ${id('unit_kind')},
  any_value(r.${id('region_code')}) AS ${id('region_code')}, any_value(r.${id('province')}) AS ${id('province')},
  any_value(r.${id('prefecture')}) AS ${id('prefecture')}, any_value(r.${id('county')}) AS ${id('county')},
  any_value(r.${id('level')}) AS ${id('level')},
  list_sort(list_distinct(list(r.${id('year')}::INTEGER))) AS ${id('years')},
  coalesce(any_value(p.${id('pinyin')}), '') AS ${id('pinyin')},
  coalesce(any_value(p.${id('initials')}), '') AS ${id('initials')}
FROM ${id('reports')} r
LEFT JOIN ${id('unit_pinyin')} p ON p.${id('unit')} = r.${id('unit')}
GROUP BY r.${id('unit')}`);
}
