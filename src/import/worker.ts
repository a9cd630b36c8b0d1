/**
 * The import worker: files in, FileResults out, off the main thread so a slow PDF or a hostile
 * file never freezes the page. Messages: { id, file: File } → { id, result: FileResult }; a
 * scanned file also reports { id, progress } per page and stops on { cancel: id }.
 */
// First: no network beyond the origin before any parser module runs.
import '../workers/lock-this-worker';
import init, { readParquet, Table, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { version } from '../../package.json';
import { parseImages, parseReport } from '../parser/parse';
import { type ProcessDeps, processBlob, processImageSet } from './process';
import { browserRegionIndex } from './regions-browser';
import type { FileResult } from './types';

export type ImportRequest =
  | { id: number; file: File }
  /** Page images of one report, in page order, read as one (OCR). */
  | { id: number; name: string; pages: File[] }
  | { cancel: number };
export type ImportResponse =
  | { id: number; result: FileResult }
  | { id: number; progress: { page: number; pages: number } };

const running = new Map<number, AbortController>();

const parquet = init({ module_or_path: wasmUrl });

const deps: ProcessDeps = {
  parseReport,
  parseImages,
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
  if ('cancel' in e.data) {
    running.get(e.data.cancel)?.abort();
    return;
  }
  const request = e.data;
  const { id } = request;
  const name = 'file' in request ? request.file.name : request.name;
  const stop = new AbortController();
  running.set(id, stop);
  const post = (message: ImportResponse, transfer: ArrayBuffer[] = []) =>
    (self as unknown as Worker).postMessage(message, transfer);
  let result: FileResult;
  try {
    const options = {
      signal: stop.signal,
      onProgress: (progress: { page: number; pages: number }) => post({ id, progress }),
    };
    result =
      'file' in request
        ? await processBlob(name, request.file, deps, options)
        : await processImageSet(name, request.pages, deps, options);
  } catch (error) {
    result = { ok: false, file: name, reason: `import failed (${String(error).slice(0, 200)})` };
  } finally {
    running.delete(id);
  }
  const transfer = result.ok ? Object.values(result.tables).map((b) => b.buffer as ArrayBuffer) : [];
  post({ id, result }, transfer);
};
