/**
 * The loaded tables as the four contract Parquet files, in the contract's column order, sorted by
 * key so an export of the same data gives the same bytes. Arrow IPC from DuckDB, encoded by
 * parquet-wasm: DuckDB's COPY … (FORMAT parquet) needs an extension it cannot fetch offline.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { CONTRACT_TYPES, id } from '../sql/schema';
import type { DatasetTable, ParquetCodec } from './types';
import { DATASET_TABLES } from './types';

export type QueryIpc = (sql: string) => Uint8Array | Promise<Uint8Array>;

export async function exportTables(
  queryIpc: QueryIpc,
  codec: ParquetCodec,
): Promise<Record<DatasetTable, Uint8Array>> {
  const out = {} as Record<DatasetTable, Uint8Array>;
  for (const table of DATASET_TABLES) {
    const cols = Object.keys(CONTRACT_TYPES[table]).map((c) => id(c as never));
    const order = table === 'regions' ? id('code') : id('report_id');
    const ipc = await queryIpc(`SELECT ${cols.join(', ')} FROM ${id(table)} ORDER BY ${order}`);
    out[table] = await codec.encode(fileToStream(ipc));
  }
  return out;
}

/** duckdb-wasm's runQuery returns the Arrow IPC *file* format; parquet-wasm reads the stream format. */
function fileToStream(ipc: Uint8Array): Uint8Array {
  return tableToIPC(tableFromIPC(ipc), 'stream');
}
