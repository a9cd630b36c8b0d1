/**
 * What the readers of a dataset's shipped files (derived/first-view.json: ./first-view.ts,
 * derived/anomalies.json: ./shipped-anomalies.ts) share: the file's text, read with a byte cap,
 * and the loaded contract files' sha256 by file name, which the file must name.
 */
import { PARQUET_FILES } from '../dataset/rows';
import { readBody } from './fetch';
import { DATASET_TABLES, type DatasetTable } from './types';

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
