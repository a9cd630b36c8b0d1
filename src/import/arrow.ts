/** Contract rows ⇄ Arrow: typed columns per src/dataset/schema.ts, and schema checks on decoded files. */
import {
  Float64,
  Int32,
  type Schema,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector,
} from 'apache-arrow';
import {
  CELL_COLUMNS,
  CHECK_COLUMNS,
  type ColumnType,
  REGION_COLUMNS,
  REPORT_COLUMNS,
} from '../dataset/schema';
import { toVector } from '../db/parquet-js';
import type { DatasetTable } from '../db/types';
import { OPTIONAL_COLUMNS } from '../sql/schema';

export const TABLE_COLUMNS: Record<DatasetTable, readonly (readonly [string, ColumnType])[]> = {
  reports: REPORT_COLUMNS,
  cells: CELL_COLUMNS,
  checks: CHECK_COLUMNS,
  regions: REGION_COLUMNS,
};

/**
 * Rows of one contract table → an Arrow IPC stream with the contract's column types. Buffers are
 * written directly (../db/parquet-js.ts `toVector`): apache-arrow's builders compile a function
 * with `new Function`, which the import worker's Content-Security-Policy refuses.
 */
export function rowsToIpc(table: DatasetTable, rows: readonly object[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [col, type] of TABLE_COLUMNS[table]) {
    const values = rows.map((r) => (r as Record<string, unknown>)[col] ?? null);
    vectors[col] =
      type === 'VARCHAR'
        ? toVector(
            values.map((v) => (v === null ? null : String(v))),
            new Utf8(),
          )
        : toVector(
            values.map((v) => (v === null ? null : Number(v))),
            type === 'INTEGER' ? new Int32() : new Float64(),
          );
  }
  return tableToIPC(new Table(vectors), 'stream');
}

function typeFits(want: ColumnType, got: string): boolean {
  const t = got.toLowerCase();
  if (t === 'null') return true;
  if (want === 'VARCHAR') return /utf8|dictionary<.*utf8/.test(t);
  const integer = /^u?int(8|16|32|64)$/.test(t);
  return want === 'INTEGER' ? integer : integer || /^float(16|32|64)$|^decimal/.test(t);
}

/** Problems of a decoded schema against one table of the contract (missing columns, wrong types). */
export function schemaProblems(table: DatasetTable, schema: Schema): string[] {
  const got = new Map(schema.fields.map((f) => [f.name, String(f.type)]));
  const problems: string[] = [];
  const optional = OPTIONAL_COLUMNS[table] ?? [];
  for (const [col, type] of TABLE_COLUMNS[table]) {
    const t = got.get(col);
    // A dataset written before unit_id: the loader computes it (src/db/unit-ids.ts).
    if (t === undefined && optional.includes(col)) continue;
    if (t === undefined) problems.push(`missing column ${col}`);
    else if (!typeFits(type, t)) problems.push(`column ${col} is ${t}, expected ${type}`);
  }
  return problems;
}

/** The contract table a set of column names belongs to: the one whose columns are all present. */
export function tableOfColumns(names: readonly string[], hint?: string): DatasetTable | null {
  const have = new Set(names);
  const fits = (Object.keys(TABLE_COLUMNS) as DatasetTable[]).filter((t) =>
    TABLE_COLUMNS[t].every(([c]) => have.has(c) || (OPTIONAL_COLUMNS[t] ?? []).includes(c)),
  );
  if (hint && fits.includes(hint as DatasetTable)) return hint as DatasetTable;
  return fits[0] ?? null;
}

export function ipcTable(ipc: Uint8Array): Table {
  return tableFromIPC(ipc);
}

/** Distinct values of one text column of an Arrow table. */
export function distinctText(table: Table, column: string): string[] {
  const vec = table.getChild(column);
  if (!vec) return [];
  const out = new Set<string>();
  for (const v of vec) if (v !== null && v !== undefined) out.add(String(v));
  return [...out];
}
