/**
 * The late tables a dataset can ship in its derived/ folder (src/dataset/shipped-late.ts): the
 * unit index with its search keys and the coverage grid with its units' records, which the
 * browser otherwise builds in DuckDB's worker (and the keys in a worker of their own) while a
 * person's first inputs wait behind them (~1.2 s of the worker on the synthetic set, issue 12).
 */
import { buildCoverage, buildUnitFacts, buildUnits, CREATE_UNIT_PINYIN } from './derived';
import { buildCoverageUnits } from './quality';
import { id, type SCHEMA } from './schema';

/** In the order they go in: the unit index first (the unit picker waits for it), the grid after. */
export const SHIPPED_LATE = [
  'units',
  'coverage',
  'coverage_units',
] as const satisfies readonly (keyof typeof SCHEMA)[];
export type ShippedLateTable = (typeof SHIPPED_LATE)[number];

/**
 * The statement that writes a late table's rows to its file, in a fixed order. The unit index's
 * `years` (INTEGER[]) is written as its text ('[2019, 2020]'): the page's small-file Parquet
 * decoder reads flat columns only, and a list would start parquet-wasm for a few KB.
 */
export function shippedLateSelect(table: ShippedLateTable): string {
  switch (table) {
    case 'units':
      return `SELECT * REPLACE (${id('years')}::VARCHAR AS ${id('years')}) FROM ${id('units')} ORDER BY ${id('unit_id')}`;
    case 'coverage':
    case 'coverage_units':
      return `SELECT * FROM ${id(table)} ORDER BY ${id('ord')}, ${id('unit_id')}`;
  }
}

/**
 * `table` made from the staged rows of its shipped file (`stage`: a staging table's generated
 * name, never input), replacing any table of that name.
 */
export function adoptShippedLateSql(table: ShippedLateTable, stage: string): string {
  if (table === 'units')
    return `CREATE OR REPLACE TABLE ${id('units')} AS SELECT * REPLACE (CAST(${id('years')} AS INTEGER[]) AS ${id('years')}) FROM ${stage}; DROP TABLE ${stage};`;
  return `DROP TABLE IF EXISTS ${id(table)}; ALTER TABLE ${stage} RENAME TO ${id(table)};`;
}

/**
 * The text of every statement that builds the shipped tables: its hash names the build a file
 * was written by (with the search keys' version), so files written by other builders are not
 * used. Changing a builder makes a dataset's files stale until they are written again.
 */
export function lateBuildText(): string {
  return [buildUnitFacts(), buildUnits(), buildCoverage(), buildCoverageUnits()]
    .map((q) => q.sql)
    .concat(CREATE_UNIT_PINYIN)
    .join('\n;\n');
}
