/**
 * How decoded rows enter a contract table. Arrow IPC goes into a staging table first (one
 * `insertArrowFromIPCStream`), is checked there, then either becomes the table (a first load in
 * the contract's shape: no copy) or is merged into it in one transaction. Each step is a round
 * trip to the DuckDB worker (~10 ms in the browser), so the steps are few and batched.
 */
import { CONTRACT_TYPES, id, OPTIONAL_COLUMNS } from '../sql/schema';
import { describeIpc, type StagedColumns } from './arrow-schema';
import { SQL_TYPE } from './contract-check';
import type { DatasetFile } from './decode';
import { toPlainRows } from './plain';
import type { DatasetTable, EngineConnection } from './types';

/** Insert decoded rows into a new staging table named `stage`; the error names the file. */
export async function stageIpc(
  conn: EngineConnection,
  ipc: Uint8Array,
  stage: string,
  fileName: string,
): Promise<string> {
  try {
    await conn.insertArrowFromIPCStream(ipc, { name: stage, create: true });
  } catch (e) {
    throw new Error(`${fileName}: could not insert the decoded rows (${errorText(e)})`);
  }
  return stage;
}

/**
 * A staging table's columns in order, with its row count: read from the IPC stream it was made
 * of (./arrow-schema.ts) when that is certain, else from DuckDB (one query).
 */
export async function describeStage(
  conn: EngineConnection,
  stage: string,
  ipc: Uint8Array,
): Promise<StagedColumns> {
  const known = describeIpc(ipc);
  if (known) return known;
  const rows = toPlainRows(
    // DESCRIBE, not duckdb_columns(): the first duckdb_columns() call took ~150 ms in the browser.
    await conn.query(`SELECT column_name AS name, column_type AS type, (SELECT count(*) FROM ${stage}) AS rows
FROM (DESCRIBE ${stage})`),
  );
  return {
    columns: rows.map((r) => ({ name: String(r.name), type: String(r.type) })),
    rows: Number(rows[0]?.rows ?? 0),
  };
}

export async function isEmptyTable(conn: EngineConnection, table: DatasetTable): Promise<boolean> {
  const r = toPlainRows(await conn.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${id(table)} LIMIT 1)`));
  return Number(r[0]?.n ?? 0) === 0;
}

/**
 * Staged rows (already checked against the contract) into their table: 'adopted' when the stage
 * became the table (the caller must not drop it), 'copied' when its rows were merged in, replacing
 * rows of the same reports (same report_id; regions by code). Throws naming the file, with the
 * table unchanged, when a row fails its cast.
 */
export async function mergeStaged(
  conn: EngineConnection,
  file: Omit<DatasetFile, 'bytes'>,
  stage: string,
  described: StagedColumns['columns'],
  empty: boolean,
): Promise<'adopted' | 'copied'> {
  const want = CONTRACT_TYPES[file.table];
  const exact = Object.entries(want).map(([c, t]) => `${c}:${SQL_TYPE[t]}`);
  const staged = described.map((c) => `${c.name}:${c.type}`);
  const have = new Set(described.map((c) => c.name));
  // Optional columns the file lacks, when they are the contract's last ones (cells without
  // the `src_` provenance columns): added empty after adopting, no copy of the rows.
  const lacking = Object.keys(want).filter((c) => !have.has(c));
  const kept = exact.length - lacking.length;
  const adoptable =
    exact.slice(0, kept).join() === staged.join() &&
    Object.keys(want)
      .slice(kept)
      .every((c) => (OPTIONAL_COLUMNS[file.table] ?? []).includes(c) && !have.has(c));
  if (adoptable && empty) {
    // First load of this table and already in the contract's shape: adopt the staged rows
    // instead of copying them (at nationwide scale the copy of cells is millions of rows).
    const add = lacking.map(
      (c) => `ALTER TABLE ${id(file.table)} ADD COLUMN ${id(c as never)} ${SQL_TYPE[want[c]!]};`,
    );
    await conn.query(
      `DROP TABLE ${id(file.table)}; ALTER TABLE ${stage} RENAME TO ${id(file.table)};${add.join('')}`,
    );
    return 'adopted';
  }
  // A column the file may lack (OPTIONAL_COLUMNS) goes in as NULL (unit ids: filled in by the engine, ./unit-ids.ts).
  const cols = Object.entries(want).map(([c, t]) =>
    have.has(c) ? `${id(c as never)}::${SQL_TYPE[t]}` : `NULL::${SQL_TYPE[t]} AS ${id(c as never)}`,
  );
  const key = file.table === 'regions' ? id('code') : id('report_id');
  // One transaction: a row that fails its cast (an out-of-range year) must not leave the
  // replaced reports deleted.
  try {
    await conn.query(
      `BEGIN TRANSACTION;
DELETE FROM ${id(file.table)} WHERE ${key} IN (SELECT ${key}::VARCHAR FROM ${stage});
INSERT INTO ${id(file.table)} SELECT ${cols.join(', ')} FROM ${stage};
COMMIT;`,
    );
  } catch (e) {
    try {
      await conn.query('ROLLBACK');
    } catch {
      // no transaction left open: nothing to undo
    }
    throw new Error(`${file.name}: could not add its rows (${errorText(e)})`);
  }
  return 'copied';
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
