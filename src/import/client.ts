/**
 * The main-thread face of import: inspect dropped files in the worker, add accepted ones to the
 * loaded DuckDB data (and IndexedDB), restore them after a reload, remove them again. One small
 * external store holds the list of added imports for the panel.
 */
import { getDatabase, getStatus, loadParquetBytes, removeReports, subscribeStatus } from '../db/client';
import { Binder } from '../sql/bound';
import { id } from '../sql/schema';
import { deleteImport, loadStoredImports, saveImport } from './persist';
import type { AcceptedFile, FileResult, StoredImport } from './types';
import type { ImportRequest, ImportResponse } from './worker';

// ---------------------------------------------------------------- worker

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (r: FileResult) => void>();
const progressOf = new Map<number, (p: { page: number; pages: number }) => void>();

function importWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<ImportResponse>) => {
    if ('progress' in e.data) {
      progressOf.get(e.data.id)?.(e.data.progress);
      return;
    }
    pending.get(e.data.id)?.(e.data.result);
    pending.delete(e.data.id);
    progressOf.delete(e.data.id);
  };
  worker.onerror = (e) => {
    // A crashed worker fails every file in flight with the reason, and is replaced next time.
    for (const [id, done] of pending)
      done({ ok: false, file: `#${id}`, reason: `import worker failed (${e.message})` });
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/**
 * Parse or validate one file off the main thread; never rejects. A scanned file reports its pages
 * as they are read (`onProgress`) and stops when `signal` aborts (it then fails as cancelled).
 */
export function inspectFile(file: File, options: InspectOptions = {}): Promise<FileResult> {
  return inspect(file.name, (id) => ({ id, file }), options);
}

/** Page images of one report (several photos dropped together), read as one report in this order. */
export function inspectPages(name: string, pages: File[], options: InspectOptions = {}): Promise<FileResult> {
  return inspect(name, (id) => ({ id, name, pages }), options);
}

export interface InspectOptions {
  onProgress?: (p: { page: number; pages: number }) => void;
  signal?: AbortSignal;
}

function inspect(
  name: string,
  request: (id: number) => ImportRequest,
  options: InspectOptions,
): Promise<FileResult> {
  return new Promise((resolve) => {
    const id = ++nextId;
    pending.set(id, (r) => resolve(r.ok || r.file !== `#${id}` ? r : { ...r, file: name }));
    if (options.onProgress) progressOf.set(id, options.onProgress);
    options.signal?.addEventListener('abort', () =>
      worker?.postMessage({ cancel: id } satisfies ImportRequest),
    );
    importWorker().postMessage(request(id));
  });
}

// ---------------------------------------------------------------- added imports

let imports: StoredImport[] = [];
const listeners = new Set<() => void>();
const publish = (next: StoredImport[]) => {
  imports = next;
  for (const l of listeners) l();
};

export const getImports = (): StoredImport[] => imports;
export function subscribeImports(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function digest(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(d).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The dataset is loaded (imports merge into it, never race its first load). */
function whenReady(): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = getStatus();
      if (s.phase === 'ready') {
        stop();
        resolve();
      } else if (s.phase === 'error') {
        stop();
        reject(new Error(`the dataset did not load: ${s.error}`));
      }
    };
    const stop = subscribeStatus(check);
    check();
  });
}

/** Merge an accepted file into the loaded data and keep it in IndexedDB. Rejects with a message naming the file. */
export async function addImport(result: AcceptedFile): Promise<StoredImport> {
  await whenReady();
  const first = Object.values(result.tables)[0] ?? new Uint8Array();
  const item: StoredImport = {
    id: `${result.kind}:${result.file}:${await digest(first)}`,
    addedAt: new Date().toISOString(),
    result,
  };
  try {
    // Copies: the loader may transfer its buffers to a worker, and IndexedDB keeps the originals.
    await loadParquetBytes(result.source, copyTables(result.tables));
  } catch (error) {
    throw new Error(`${result.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await saveImport(item);
  } catch (error) {
    // Still in this session's data; only persistence failed, and the panel says so.
    publish([...imports.filter((i) => i.id !== item.id), item]);
    throw new Error(`${result.file}: added, but not kept for the next visit (${String(error)})`);
  }
  publish([...imports.filter((i) => i.id !== item.id), item]);
  return item;
}

export async function removeImport(id: string): Promise<void> {
  const item = imports.find((i) => i.id === id);
  if (!item) return;
  await whenReady();
  await removeReports(item.result.reportIds);
  await deleteImport(id);
  publish(imports.filter((i) => i.id !== id));
}

let restored: Promise<void> | null = null;

/**
 * Bring back what was imported in earlier visits, once the dataset is loaded. A stored import
 * that no longer loads is dropped from IndexedDB and reported, never left to break start-up.
 */
export function restoreImports(onError: (message: string) => void = () => undefined): Promise<void> {
  restored ??= (async () => {
    let stored: StoredImport[];
    try {
      stored = await loadStoredImports();
    } catch (error) {
      onError(`saved imports could not be read (${String(error)})`);
      return;
    }
    if (stored.length === 0) return;
    await whenReady();
    const ok: StoredImport[] = [];
    for (const item of stored) {
      try {
        await loadParquetBytes(item.result.source, copyTables(item.result.tables));
        ok.push(item);
      } catch (error) {
        onError(`${item.result.file}: saved import no longer loads and was removed (${String(error)})`);
        await deleteImport(item.id).catch(() => undefined);
      }
    }
    publish(ok);
  })();
  return restored;
}

/**
 * Which of these report_ids the loaded data already holds, with their source. Adding one again
 * would replace it (same unit, year and file), and removing the import would then remove it too.
 */
export async function alreadyLoaded(reportIds: readonly string[]): Promise<Map<string, string>> {
  if (reportIds.length === 0) return new Map();
  await whenReady();
  const b = new Binder();
  const rows = await getDatabase().query<{ report_id: string; source: string }>(
    b.done(
      `SELECT ${id('report_id')}, ${id('source')} FROM ${id('reports')} WHERE ${id('report_id')} IN (${b.list(reportIds.slice(0, 1000))})`,
    ),
  );
  return new Map(rows.map((r) => [r.report_id, r.source]));
}

function copyTables(t: AcceptedFile['tables']): AcceptedFile['tables'] {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.slice()]));
}
