/**
 * Decoding a contract file, kept apart from ./engine.ts so the loader can decode while DuckDB
 * starts without pulling the engine (Arrow, pinyin) into the app's first bundle.
 */
import type { DatasetTable, ParquetCodec } from './types';

export interface DatasetFile {
  table: DatasetTable;
  /** File name, for messages. */
  name: string;
  bytes: Uint8Array;
}

/** Parquet → Arrow IPC stream, with an error that names the file. */
export async function decodeFile(
  codec: ParquetCodec,
  file: Pick<DatasetFile, 'name' | 'bytes'>,
): Promise<Uint8Array> {
  try {
    return await codec.decode(file.bytes);
  } catch (e) {
    throw new Error(
      `${file.name}: not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
