/**
 * Helper tables built after loading, so that interactions stay fast at nationwide scale
 * (≈5M cell rows). Table 三 is pivoted to one row per report × row with the seven applicant
 * columns side by side (7× fewer rows), table 四 likewise; table 二 stays long.
 *
 * They are stored narrow: a report is an integer `rid` (its rank by year and report_id,
 * `rkeys`) and a printed row an integer `ki` (`rowkeys`), so the tables hold numbers only.
 * Strings are what make Parquet → Arrow → DuckDB slow in the browser (the wide t3x with its
 * report dimensions took 2.6 s to decode and insert at nationwide scale; t3n takes 0.2 s), and
 * they let a dataset ship these tables precomputed (derived/*.parquet, written by the CLI) so
 * that cells.parquet need not be decoded at start-up at all. The views t3x/t4x/t2x put the
 * strings back for the query builders; DuckDB pushes their filters into the joins.
 */
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS } from '../domain/keys';
import { Binder, type BoundQuery } from './bound';
import { id, REPORT_DIMS, UNIT_FACT_COLUMNS } from './schema';
import { packedNames } from './units';

/** The tables of a dataset's derived/ folder, in load order: built from `cells` and `rkeys`. */
export const PRECOMPUTED = ['rowkeys', 't3n', 't4n', 't2n', 'craw'] as const;
export type PrecomputedTable = (typeof PRECOMPUTED)[number];

/**
 * Reports ranked by year, then report_id. Always built from `reports` (23k rows at nationwide
 * scale): the rank is the same in the CLI and in the browser because both rank the same verified
 * file. By year, a year's reports get consecutive keys, and the helper tables, written in key
 * order (src/dataset/node/derived-writer.ts), hold each year's rows together: a statement on one
 * year reads only those row groups, as DuckDB narrows the scan to the key range its join found
 * (Compare's statement on the synthetic set, natively: 360,765 → 60,469 rows of t3n, 28 → 15 ms).
 */
export function buildReportKeys(): BoundQuery {
  return new Binder().done(`
CREATE OR REPLACE TABLE ${id('rkeys')} AS
SELECT (row_number() OVER (ORDER BY ${id('year')}, ${id('report_id')}))::INTEGER AS ${id('rid')}, ${id('report_id')},
  ${REPORT_DIMS.map((d) => id(d)).join(', ')}
FROM ${id('reports')}`);
}

/** Every printed (table, row) of the cells, numbered, with its table-三 outcome group. */
export function buildRowKeys(): BoundQuery {
  const b = new Binder();
  const groups = TABLE3_ROWS.map((r) => `(${b.v(r.key)}, ${b.v(r.group)})`).join(', ');
  return b.done(`
CREATE OR REPLACE TABLE ${id('rowkeys')} AS
WITH k AS (SELECT DISTINCT ${id('table')}, ${id('row')} FROM ${id('cells')})
SELECT (row_number() OVER (ORDER BY k.${id('table')}, k.${id('row')}))::INTEGER AS ${id('ki')},
  k.${id('table')}, k.${id('row')},
  CASE WHEN k.${id('table')} = ${b.v('table3')} THEN g.grp END AS ${id('grp')}
FROM k LEFT JOIN (VALUES ${groups}) g(key, grp) ON g.key = k.${id('row')}`);
}

/** Cells `c` with their integer keys (`k.rid`, `w.ki`), filtered by `where`. */
function keyedCells(where: string): string {
  return `${id('cells')} c
JOIN ${id('rkeys')} k ON k.${id('report_id')} = c.${id('report_id')}
JOIN ${id('rowkeys')} w ON w.${id('table')} = c.${id('table')} AND w.${id('row')} = c.${id('row')}
WHERE ${where}`;
}

const ofTable = (b: Binder, table: string) => `c.${id('table')} = ${b.v(table)}`;

function wideNarrow(
  target: 't3n' | 't4n',
  table: 'table3' | 'table4',
  cols: readonly ((typeof TABLE3_COLUMNS)[number] | (typeof TABLE4_COLUMNS)[number])[],
): BoundQuery {
  const b = new Binder();
  const pivot = cols
    .map((c) => `max(c.${id('value')}) FILTER (WHERE c.${id('col')} = ${b.v(c)}) AS ${id(c)}`)
    .join(',\n  ');
  return b.done(`
CREATE OR REPLACE TABLE ${id(target)} AS
SELECT k.${id('rid')}, w.${id('ki')},
  ${pivot}
FROM ${keyedCells(ofTable(b, table))}
GROUP BY k.${id('rid')}, w.${id('ki')}`);
}

export const buildT3n = (): BoundQuery => wideNarrow('t3n', 'table3', TABLE3_COLUMNS);
export const buildT4n = (): BoundQuery => wideNarrow('t4n', 'table4', TABLE4_COLUMNS);

export function buildT2n(): BoundQuery {
  const b = new Binder();
  return b.done(`
CREATE OR REPLACE TABLE ${id('t2n')} AS
SELECT k.${id('rid')}, w.${id('ki')}, c.${id('col')}, c.${id('value')}
FROM ${keyedCells(ofTable(b, 'table2'))}`);
}

/**
 * Cells that are not a plain number: the wide tables keep only values, and a blank, "/" or a
 * note must still show as printed in the Report view. Few (≈0.6 % of the nationwide cells).
 */
export function buildCraw(): BoundQuery {
  return new Binder().done(`
CREATE OR REPLACE TABLE ${id('craw')} AS
SELECT k.${id('rid')}, w.${id('ki')}, c.${id('col')}, c.${id('value')}, c.${id('raw')}
FROM ${keyedCells(`c.${id('raw')} IS NOT NULL OR c.${id('value')} IS NULL`)}`);
}

/** The builders of PRECOMPUTED, in order: rowkeys first, the others join it and `rkeys`. */
export const PRECOMPUTED_BUILDERS: Record<PrecomputedTable, () => BoundQuery> = {
  rowkeys: buildRowKeys,
  t3n: buildT3n,
  t4n: buildT4n,
  t2n: buildT2n,
  craw: buildCraw,
};

const dims = REPORT_DIMS.map((d) => `k.${id(d)}`).join(', ');
const join = (t: string) => `${id(t as 't3n')} t
JOIN ${id('rkeys')} k ON k.${id('rid')} = t.${id('rid')}
JOIN ${id('rowkeys')} w ON w.${id('ki')} = t.${id('ki')}`;

/** The wide tables the query builders read, with the report's dimensions and the row's key. */
export const CREATE_VIEWS: readonly string[] = [
  `CREATE OR REPLACE VIEW ${id('t3x')} AS
SELECT k.${id('report_id')}, ${dims}, w.${id('row')}, w.${id('grp')},
  ${TABLE3_COLUMNS.map((c) => `t.${id(c)}`).join(', ')}
FROM ${join('t3n')}`,
  `CREATE OR REPLACE VIEW ${id('t4x')} AS
SELECT k.${id('report_id')}, ${dims}, w.${id('row')},
  ${TABLE4_COLUMNS.map((c) => `t.${id(c)}`).join(', ')}
FROM ${join('t4n')}`,
  `CREATE OR REPLACE VIEW ${id('t2x')} AS
SELECT k.${id('report_id')}, ${dims}, w.${id('row')}, t.${id('col')}, t.${id('value')}
FROM ${join('t2n')}`,
];

/**
 * Every unit × every year of the dataset with its report (lowest report_id if several) and all
 * its failed checks, in display order (`ord`). Units are unit_ids: two 鼓楼区 are two rows, and
 * one body's reports under two spellings are one. The grid was a cross join per interaction
 * (≈ 200 ms at nationwide scale, as slow natively); now the quality view filters this table.
 */
export function buildCoverage(): BoundQuery {
  const b = new Binder();
  // Reports are summed per unit and year before the grid is made, and the display order is
  // ranked per unit (a few thousand) rather than per cell: a unit has one row per year, so its
  // cells' ord follow from its rank. Grouping and sorting every cell by its strings was most of
  // this statement, which runs at start-up while the first interactions wait behind it.
  return b.done(`
CREATE OR REPLACE TABLE ${id('coverage')} AS
WITH u AS (
  SELECT ${id('unit_id')}, arg_max(${id('unit')}, ${id('year')}) AS ${id('unit')},
    any_value(${id('province')}) AS ${id('province')}, any_value(${id('level')}) AS ${id('level')}
  FROM ${id('reports')} GROUP BY ${id('unit_id')}
), y AS (
  SELECT ${id('year')}, (row_number() OVER (ORDER BY ${id('year')}))::INTEGER AS i, count(*) OVER () AS n
  FROM (SELECT DISTINCT ${id('year')}::INTEGER AS ${id('year')} FROM ${id('reports')})
), k AS (
  SELECT *, row_number() OVER (ORDER BY ${id('province')} NULLS LAST, ${id('unit')}, ${id('unit_id')}) AS rank FROM u
), f AS (
  SELECT ${id('report_id')}, count(*)::DOUBLE AS n FROM ${id('checks')} GROUP BY ${id('report_id')}
), r AS (
  SELECT r.${id('unit_id')}, r.${id('year')}, min(r.${id('report_id')}) AS ${id('report_id')}, sum(f.n) AS n
  FROM ${id('reports')} r LEFT JOIN f ON f.${id('report_id')} = r.${id('report_id')}
  GROUP BY r.${id('unit_id')}, r.${id('year')}
)
SELECT ((k.rank - 1) * y.n + y.i)::INTEGER AS ${id('ord')}, k.${id('unit_id')}, k.${id('unit')}, k.${id('province')},
  k.${id('level')}, y.${id('year')}, r.${id('report_id')}, coalesce(r.n, 0)::DOUBLE AS ${id('failures')}
FROM k CROSS JOIN y
LEFT JOIN r ON r.${id('unit_id')} = k.${id('unit_id')} AND r.${id('year')} = y.${id('year')}
ORDER BY ${id('ord')}`);
}

/**
 * Tables that are in only after the first chart of a dataset's load (src/db/late.ts): those
 * `Engine.buildLate` makes, and the contract tables no first chart reads (inserted just before).
 * What reads one must wait for that build.
 */
export const LATE_TABLES = [
  'coverage',
  'coverage_units',
  'unit_pinyin',
  'units',
  'checks',
  'regions',
] as const;
const LATE_REF = new RegExp(`(?:FROM|JOIN)\\s+(?:${LATE_TABLES.map((t) => id(t)).join('|')})(?![\\w"])`);

/** Whether a statement of the query builders reads a late table (they write tables only via `id`). */
export function usesLateTables(sql: string): boolean {
  return LATE_REF.test(sql);
}

/** The late tables built last (the coverage grid, Quality's): the unit picker need not wait for them. */
export const LAST_LATE_TABLES = ['coverage', 'coverage_units'] as const;
const LAST_REF = new RegExp(`(?:FROM|JOIN)\\s+(?:${LAST_LATE_TABLES.map((t) => id(t)).join('|')})(?![\\w"])`);

/** Whether a statement reads one of LAST_LATE_TABLES (a query waits for the whole build then). */
export function readsCoverage(sql: string): boolean {
  return LAST_REF.test(sql);
}

/**
 * Each unit's facts, one GROUP BY over the reports for both the search index's input (read as
 * one text for pinyin, src/sql/units.ts `unitFactsSql`) and the unit index itself (`buildUnits`),
 * which grouped the reports a second time. Its printed names (a renamed body has several, joined
 * as that text joins them), latest name, kind, level, places and years.
 */
export function buildUnitFacts(): BoundQuery {
  const any = (c: (typeof UNIT_FACT_COLUMNS)[number]) => `any_value(${id(c)}) AS ${id(c)}`;
  return new Binder().done(`
CREATE OR REPLACE TABLE ${id('unit_facts')} AS
SELECT ${id('unit_id')}, arg_max(${id('unit')}, ${id('year')}) AS ${id('unit')},
  ${UNIT_FACT_COLUMNS.map(any).join(', ')},
  list_sort(list_distinct(list(${id('year')}::INTEGER))) AS ${id('years')},
  ${packedNames(id('unit'))} AS ${id('names')}
FROM ${id('reports')} GROUP BY ${id('unit_id')}`);
}

export const CREATE_UNIT_PINYIN = `CREATE OR REPLACE TABLE ${id('unit_pinyin')} (${id('unit_id')} VARCHAR, ${id('short')} VARCHAR, ${id('pinyin')} VARCHAR, ${id('initials')} VARCHAR, ${id('search')} VARCHAR, ${id('place')} VARCHAR)`;

/** (unit_id, short name, pinyin, initials, folded names, folded places) of one unit. */
export type UnitPinyinRow = readonly [string, string, string, string, string, string];

/** Insert a batch of unit_pinyin rows. */
export function insertUnitPinyin(rows: readonly UnitPinyinRow[]): BoundQuery {
  const b = new Binder();
  const values = rows.map((r) => `(${r.map((v) => b.v(v)).join(', ')})`).join(', ');
  return b.done(`INSERT INTO ${id('unit_pinyin')} VALUES ${values}`);
}

/**
 * All unit_pinyin rows in one statement of a few bound values: each column joined by a control
 * character that no value contains, split back and unnested in SQL. Batches of
 * `insertUnitPinyin` cost ~0.1 s at nationwide scale (binding thousands of values); null when
 * every candidate separator occurs in some value, and the caller batches instead.
 */
export function insertUnitPinyinPacked(rows: readonly UnitPinyinRow[]): BoundQuery | null {
  const used = (c: string) => rows.some((r) => r.some((v) => v.includes(c)));
  let sep: string | undefined;
  for (let code = 0x1f; code >= 0x01 && sep === undefined; code--) {
    const c = String.fromCharCode(code);
    if (!used(c)) sep = c;
  }
  if (sep === undefined || rows.length === 0) return null;
  const b = new Binder();
  const width = rows[0]!.length;
  const cols = Array.from({ length: width }, (_, i) => b.v(rows.map((r) => r[i]).join(sep)));
  const s = b.v(sep);
  return b.done(
    `INSERT INTO ${id('unit_pinyin')} SELECT ${cols.map((c) => `unnest(string_split(${c}, ${s}))`).join(', ')}`,
  );
}

/**
 * One row per unit (unit_id) with its latest name, region, government and years, and its search
 * keys: the unit facts (`buildUnitFacts`) with their pinyin, a few thousand rows joined.
 */
export function buildUnits(): BoundQuery {
  const text = (c: 'short' | 'pinyin' | 'initials' | 'search' | 'place') =>
    `coalesce(p.${id(c)}, '') AS ${id(c)}`;
  return new Binder().done(`
CREATE OR REPLACE TABLE ${id('units')} AS
SELECT f.${id('unit_id')}, f.${id('unit')}, ${UNIT_FACT_COLUMNS.map((c) => `f.${id(c)}`).join(', ')}, f.${id('years')},
  ${text('short')}, ${text('pinyin')}, ${text('initials')}, ${text('search')}, ${text('place')}
FROM ${id('unit_facts')} f
LEFT JOIN ${id('unit_pinyin')} p ON p.${id('unit_id')} = f.${id('unit_id')}`);
}
