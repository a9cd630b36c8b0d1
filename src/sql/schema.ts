/**
 * The identifier whitelist: every table and column a builder may name, typed from the Parquet
 * contract's column list (src/domain/vocab/contract.ts) plus the derived tables of ./derived.ts.
 * `id()` only accepts these names (a compile error otherwise) and still quotes them, doubling
 * any `"`.
 */
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../domain/keys';
import { CELL_SOURCE_COLUMNS, CONTRACT, type ContractColumn, type ContractTable } from '../domain/vocab';

const columnsOf = <T extends ContractTable>(table: T) =>
  Object.keys(CONTRACT[table]) as unknown as readonly ContractColumn<T>[];

/** Report dimensions copied into every derived table. */
export const REPORT_DIMS = [
  'unit_id',
  'unit',
  'unit_kind',
  'parent_unit_id',
  'year',
  'format',
  'province',
  'prefecture',
  'level',
] as const;

/** What a unit is besides its id and name: one value per unit, taken from its reports. */
export const UNIT_FACT_COLUMNS = [
  'unit_kind',
  'parent_unit_id',
  'region_code',
  'region_name',
  'province',
  'prefecture',
  'county',
  'level',
] as const;

export const SCHEMA = {
  reports: columnsOf('reports'),
  cells: columnsOf('cells'),
  checks: columnsOf('checks'),
  regions: columnsOf('regions'),
  /**
   * Narrow helper tables (./derived.ts): integer keys instead of strings, so that a dataset's
   * precomputed copies (derived/*.parquet) decode and insert in a fraction of the time.
   */
  rkeys: ['rid', 'report_id', ...REPORT_DIMS],
  rowkeys: ['ki', 'table', 'row', 'grp'],
  t3n: ['rid', 'ki', ...TABLE3_COLUMNS],
  t4n: ['rid', 'ki', ...TABLE4_COLUMNS],
  t2n: ['rid', 'ki', 'col', 'value'],
  /** Cells printed as something other than a plain number (blank, "/", text): value and raw. */
  craw: ['rid', 'ki', 'col', 'value', 'raw'],
  /** Table 三, one row per report × table-三 row, applicant columns side by side (a view). */
  t3x: ['report_id', ...REPORT_DIMS, 'row', 'grp', ...TABLE3_COLUMNS],
  /** Table 四, one row per report × group (a view). */
  t4x: ['report_id', ...REPORT_DIMS, 'row', ...TABLE4_COLUMNS],
  /** Table 二, long (a view). */
  t2x: ['report_id', ...REPORT_DIMS, 'row', 'col', 'value'],
  unit_pinyin: ['unit_id', 'short', 'pinyin', 'initials', 'search', 'place'],
  /** Each unit's facts, grouped once from the reports for the unit index and its pinyin (./derived.ts). */
  unit_facts: ['unit_id', 'unit', ...UNIT_FACT_COLUMNS, 'years', 'names'],
  /**
   * What the anomaly rules read of each report's table 三 (./anomalies.ts), filled in slices of
   * reports at idle moments so that no one statement holds DuckDB's worker for long.
   */
  anomaly_t3: ['rid', 'received', 'num', 'den', 'digest', 'nonzero'],
  /** The candidates' rows numbered (`seq`), read back in pages (./anomalies.ts). */
  anomaly_candidates: ['seq'],
  /** Unit × dataset year, built once after loading: the quality view's grid is a lookup. */
  coverage: ['ord', 'unit_id', 'unit', 'province', 'level', 'year', 'report_id', 'failures'],
  /** Each unit's packed record of the whole coverage grid (src/sql/quality.ts), built with it. */
  coverage_units: ['unit_id', 'ord', 'province', 'level', 'record'],
  /** Units merged in the browser (src/domain/units/merges.ts): resolved from → into pairs. */
  unit_merges: ['from_unit_id', 'into_unit_id'],
  /** Each report's unit_id and parent_unit_id as loaded, so that undoing a merge restores them. */
  unit_origin: ['report_id', 'unit_id', 'parent_unit_id'],
  /** Column names of builders' own CTEs. */
  cte: ['key', 'grp', 'applicant', 'v'],
  /** One row per unit (unit_id), for search: `search` holds its folded names, `place` its places. */
  units: ['unit_id', 'unit', ...UNIT_FACT_COLUMNS, 'years', 'short', 'pinyin', 'initials', 'search', 'place'],
} as const;

export type TableId = keyof typeof SCHEMA;
export type ColumnOf<T extends TableId> = (typeof SCHEMA)[T][number];
export type AnyColumn = ColumnOf<TableId>;

/** Contract columns and their kinds, checked when a Parquet file is loaded. */
export const CONTRACT_TYPES: Record<
  ContractTable,
  Readonly<Record<string, 'text' | 'int' | 'float'>>
> = CONTRACT;

/**
 * Contract columns a file may lack: reports written before unit identity (issue 13) have no
 * unit_id / parent_unit_id; the loader computes them (src/db/unit-ids.ts). The provenance columns
 * of cells are optional in the contract itself: missing, they are null.
 */
export const OPTIONAL_COLUMNS: Partial<Record<keyof typeof CONTRACT_TYPES, readonly string[]>> = {
  reports: ['unit_id', 'parent_unit_id'],
  cells: CELL_SOURCE_COLUMNS,
};

const KNOWN = new Set<string>([...Object.keys(SCHEMA), ...Object.values(SCHEMA).flat()]);

/**
 * Quote an output alias written in a builder (a code constant, never user input); camelCase
 * aliases let rows reach the UI without renaming.
 */
export function alias(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid alias: ${name}`);
  return `"${name}"`;
}

/** Quote a whitelisted identifier. Throws on anything else, even if a cast slipped it past the types. */
export function id(name: TableId | AnyColumn): string {
  if (!KNOWN.has(name)) throw new Error(`identifier not in the schema whitelist: ${name}`);
  return `"${name.replaceAll('"', '""')}"`;
}
