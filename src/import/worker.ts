/**
 * The import worker: files in, FileResults out, off the main thread so a slow PDF or a hostile
 * file never freezes the page. Called through src/workers/rpc.ts (./client.ts): a scanned file
 * reports its pages through the `onProgress` callback and stops on `cancel(id)`.
 */
// First: no network beyond the origin before any other module runs.
import '../workers/lock-this-worker';
import init, { readParquet, Table, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { version } from '../../package.json';
import { refusal } from '../domain/refusals';
import { parseImages, parseReport } from '../parser/parse';
import { serve, transfer } from '../workers/rpc';
import { type ProcessDeps, processBlob, processImageSet } from './process';
import { refuse } from './refuse';
import { browserRegionIndex } from './regions-browser';
import type { FileResult } from './types';

/** One report: a file, or page images read as one report in page order (OCR). */
export type ImportRequest = { file: File } | { name: string; pages: File[] };
export type ImportProgress = { page: number; pages: number };

export interface ImportApi {
  /** Parse or validate one file; never rejects (a failure is a FileResult with its reason). */
  inspect(id: number, request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<FileResult>;
  /** Stop the inspection `id` (it then fails as cancelled). */
  cancel(id: number): void;
}

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

serve<ImportApi>({
  async inspect(id, request, onProgress) {
    const name = 'file' in request ? request.file.name : request.name;
    const stop = new AbortController();
    running.set(id, stop);
    let result: FileResult;
    try {
      const options = { signal: stop.signal, onProgress };
      result =
        'file' in request
          ? await processBlob(name, request.file, deps, options)
          : await processImageSet(name, request.pages, deps, options);
    } catch (error) {
      result = refuse(name, refusal('importFailed', { detail: String(error).slice(0, 200) }));
    } finally {
      running.delete(id);
    }
    return transfer(
      result,
      result.ok ? Object.values(result.tables).map((b) => b.buffer as ArrayBuffer) : [],
    );
  },
  cancel(id) {
    running.get(id)?.abort();
  },
});
