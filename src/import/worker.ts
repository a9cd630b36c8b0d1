/**
 * The import worker: files in, FileResults out, off the main thread so a slow PDF or a hostile
 * file never freezes the page. Messages: { id, file: File } → { id, result: FileResult }.
 */
// First: no network beyond the origin before any parser module runs.
import '../workers/lock-this-worker';
import init, { readParquet, Table, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { version } from '../../package.json';
import { parseReport } from '../parser/parse';
import { type ProcessDeps, processBlob } from './process';
import { browserRegionIndex } from './regions-browser';
import type { FileResult } from './types';

export interface ImportRequest {
  id: number;
  file: File;
}
export interface ImportResponse {
  id: number;
  result: FileResult;
}

const parquet = init({ module_or_path: wasmUrl });

const deps: ProcessDeps = {
  parseReport,
  regionIndex: browserRegionIndex,
  // The CLI's parser version too (src/parser has no PARSER_VERSION; cli/lib/parser.ts falls back to this).
  parserVersion: version,
  encodeParquet: async (ipc) => {
    await parquet;
    return writeParquet(Table.fromIPCStream(ipc));
  },
  decodeParquet: async (bytes) => {
    await parquet;
    return readParquet(bytes).intoIPCStream();
  },
};

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { id, file } = e.data;
  let result: FileResult;
  try {
    result = await processBlob(file.name, file, deps);
  } catch (error) {
    result = { ok: false, file: file.name, reason: `import failed (${String(error).slice(0, 200)})` };
  }
  const transfer = result.ok ? Object.values(result.tables).map((b) => b.buffer as ArrayBuffer) : [];
  (self as unknown as Worker).postMessage({ id, result } satisfies ImportResponse, transfer);
};
