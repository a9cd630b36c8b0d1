/**
 * Helper tables built once after loading, so that interactions stay fast at nationwide scale
 * (≈7M cell rows): table 三 is pivoted to one row per report × row with the seven applicant
 * columns side by side (7× fewer rows) and report dimensions copied in (no join per query).
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
LEFT JOIN (VALUES ${groups}) g(k, grp) ON g.k = w.${id('row')}
ORDER BY r.${id('year')}, w.${id('row')}`);
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
JOIN ${id('reports')} r ON r.${id('report_id')} = w.${id('report_id')}
ORDER BY r.${id('year')}`);
}

export function buildT2x(): BoundQuery {
  const b = new Binder();
  const table = b.v('table2');
  return b.done(`
CREATE OR REPLACE TABLE ${id('t2x')} AS
SELECT r.${id('report_id')}, ${dims('r')}, c.${id('row')}, c.${id('col')}, c.${id('value')}
FROM ${id('cells')} c
JOIN ${id('reports')} r ON r.${id('report_id')} = c.${id('report_id')}
WHERE c.${id('table')} = ${table}
ORDER BY r.${id('year')}`);
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
