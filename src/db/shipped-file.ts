/**
 * What the readers of a dataset's shipped files (derived/first-view.json: ./first-view.ts,
 * derived/anomalies.json: ./shipped-anomalies.ts, the derived/ tables: ./precomputed.ts,
 * ./shipped-late.ts) share: a file's text, read with a byte cap; the loaded contract files'
 * sha256 by file name, which the file must name; a listed Parquet file decoded only when it is
 * the one its meta lists.
 */
import { PARQUET_FILES } from '../dataset/rows';
import { sha256Hex } from '../util/sha256';
import { decodeFile } from './decode';
import { readBody } from './fetch';
import { DATASET_TABLES, type DatasetTable, type ParquetCodec } from './types';

/** The text of `url` if it is at most `limit` bytes (else, or on any failure, null). */
export async function boundedText(url: URL, limit: number): Promise<string | null> {
  const res = await fetch(url);
  if (!res.ok) return null;
  const bytes = await readBody(res, undefined, limit);
  return bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The loaded files' hashes by file name (`reports.parquet` …), once all are known. */
export async function hashesByFile(
  hashes: Record<DatasetTable, Promise<string>>,
): Promise<Record<string, string>> {
  const byFile: Record<string, string> = Object.create(null);
  for (const t of DATASET_TABLES) byFile[PARQUET_FILES[t]] = await hashes[t];
  return byFile;
}

/**
 * The rows of a Parquet file a derived/ meta lists, as Arrow IPC, if `bytes` are that file (its
 * sha256); null otherwise. Hashed before the codec worker takes the bytes.
 */
export async function listedIpc(
  bytes: Uint8Array | null,
  listed: { file: string; sha256: string },
  codec: ParquetCodec,
): Promise<Uint8Array | null> {
  if (!bytes || (await sha256Hex(bytes)) !== listed.sha256) return null;
  return decodeFile(codec, { name: listed.file, bytes });
}
