/** Node only: what the writers of a dataset's derived/ folder share. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sha256Hex } from '../../util/sha256';

/** A file path as a SQL string literal (paths are ours, not input). */
export const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export const sha256File = async (file: string): Promise<string> => sha256Hex(await readFile(file));

/**
 * `select`'s rows written to `file` (relative to `dir`) as Parquet: the entry a meta lists for it,
 * with its row count and sha256.
 */
export async function writeTableFile(
  conn: DuckDBConnection,
  dir: string,
  file: string,
  select: string,
): Promise<{ file: string; rows: number; sha256: string }> {
  const at = path.join(dir, file);
  await conn.run(`COPY (${select}) TO ${quote(at)} (FORMAT parquet, COMPRESSION snappy)`);
  const n = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (${select})`);
  return { file, rows: Number(n.getRowObjects()[0]?.n ?? 0), sha256: await sha256File(at) };
}
