/**
 * The main-thread face of import: inspect dropped files in the worker, add accepted ones to the
 * loaded DuckDB data (and IndexedDB), restore them after a reload, remove them again. One small
 * external store holds the list of added imports for the panel.
 */
import { loadParquetBytes, removeReports, reportIdsIn } from '../db/changes';
import { getStatus, subscribeStatus } from '../db/status';
import { type Refusal, refusal, refusalText } from '../domain/refusals';
import { limitRefusal, PARSE_TIME_LIMIT_MS } from '../parser/extract/limits';
import { connect, proxy, type WorkerRpc } from '../workers/rpc';
import { deleteImport, loadStoredImports, saveImport } from './persist';
import { RefusalError, refuse } from './refuse';
import type { AcceptedFile, FileResult, StoredImport } from './types';
import type { ImportApi, ImportRequest } from './worker';

// ---------------------------------------------------------------- worker

let worker: WorkerRpc<ImportApi> | null = null;
let nextId = 0;

/** The import worker, through the app's one worker RPC; a dead or stopped one is replaced. */
function importWorker(): WorkerRpc<ImportApi> {
  if (worker && !worker.dead) return worker;
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker = connect<ImportApi>(w, 'import worker');
  return worker;
}

/** End `rpc`'s worker (and whatever it is stuck in): every other file in flight fails with `reason`. */
function stopWorker(rpc: WorkerRpc<ImportApi>, reason: string): void {
  rpc.stop(reason);
  if (worker === rpc) worker = null;
}

/** Why a file in flight failed when its worker did, as a refusal the panel words. */
function stopped(error: unknown): Refusal {
  const message = error instanceof Error ? error.message : String(error);
  // The reason `stopWorker` gave (our own sentence, below) names the file that ran away.
  const other = /^import worker stopped: another file \((.*)\) ran past the time limit/.exec(message);
  if (other) return refusal('workerStoppedOther', { file: other[1]! });
  return refusal('workerStopped', {
    detail: message
      .replace(/^import worker stopped:? ?/, '')
      .replace(/^import worker \(a Web Worker\) failed: /, ''),
  });
}

/**
 * Parse or validate one file off the main thread; never rejects. A scanned file reports its pages
 * as they are read (`onProgress`) and stops when `signal` aborts (it then fails as cancelled).
 * The watchdog: a file still not answered after the parse time limit is stopped with its worker
 * (a fresh one takes the next file), so a parse that runs away costs a worker, never the tab; a
 * scan gets the limit per page (each page read restarts it).
 */
export async function inspectFile(file: File, options: InspectOptions = {}): Promise<FileResult> {
  const result = await inspect(file.name, { file }, options);
  // The original stays with a report import (IndexedDB keeps the Blob): the source view shows it.
  return result.ok && result.kind === 'report' ? { ...result, original: file } : result;
}

/** Page images of one report (several photos dropped together), read as one report in this order. */
export function inspectPages(name: string, pages: File[], options: InspectOptions = {}): Promise<FileResult> {
  return inspect(name, { name, pages }, options);
}

export interface InspectOptions {
  onProgress?: (p: { page: number; pages: number }) => void;
  signal?: AbortSignal;
}

function inspect(name: string, request: ImportRequest, options: InspectOptions): Promise<FileResult> {
  return new Promise((resolve) => {
    const id = ++nextId;
    const rpc = importWorker();
    let timer: ReturnType<typeof setTimeout>;
    const done = (r: FileResult) => {
      clearTimeout(timer);
      resolve(r);
    };
    const timeout = () => {
      done(refuse(name, limitRefusal.time()));
      stopWorker(rpc, refusalText(refusal('workerStoppedOther', { file: name })));
    };
    timer = setTimeout(timeout, PARSE_TIME_LIMIT_MS);
    const onProgress = (p: { page: number; pages: number }) => {
      clearTimeout(timer);
      timer = setTimeout(timeout, PARSE_TIME_LIMIT_MS);
      options.onProgress?.(p);
    };
    options.signal?.addEventListener('abort', () => {
      rpc.api.cancel(id).catch(() => undefined);
    });
    rpc.api
      .inspect(id, request, proxy(onProgress))
      .then(done, (error: unknown) => done(refuse(name, stopped(error))));
  });
}

// ---------------------------------------------------------------- added imports

let imports: StoredImport[] = [];
/** Saved imports that did not load again, with why: listed so the user can remove them. */
export interface Quarantined {
  item: StoredImport;
  error: Refusal;
}
let quarantined: Quarantined[] = [];
const listeners = new Set<() => void>();
const publish = (next: StoredImport[], nextQuarantined: Quarantined[] = quarantined) => {
  imports = next;
  quarantined = nextQuarantined;
  for (const l of listeners) l();
};

export const getImports = (): StoredImport[] => imports;
export const getQuarantined = (): Quarantined[] => quarantined;
export function subscribeImports(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function digest(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(d).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The dataset is loaded (imports merge into it, never race its first load). */
export function whenReady(): Promise<void> {
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

type ReportTable = 'reports' | 'cells' | 'checks';

/** The report tables an import writes rows into (and so removes them from again). */
function tablesOf(result: AcceptedFile): ReportTable[] {
  return (['reports', 'cells', 'checks'] as const).filter((t) => result.tables[t] !== undefined);
}

/**
 * What an import would collide with: report_ids it brings that a table it writes already holds
 * (bundled data or an earlier import), with the source of the first. Loading it would replace
 * those rows, and removing it would then delete them: such an import is refused.
 */
export async function collisionOf(result: AcceptedFile): Promise<{ count: number; source: string } | null> {
  const tables = tablesOf(result);
  if (tables.length === 0 || result.reportIds.length === 0) return null;
  await whenReady();
  const present = await reportIdsIn(tables);
  let count = 0;
  let source: string | null = null;
  const seen = new Set<string>();
  for (const table of tables) {
    const held = present.get(table)!;
    for (const rid of result.reportIds) {
      if (!held.has(rid) || seen.has(rid)) continue;
      seen.add(rid);
      count++;
      source ??= held.get(rid) ?? ownerOf(rid)?.result.source ?? null;
    }
  }
  return count === 0 ? null : { count, source: source ?? 'the loaded data' };
}

function ownerOf(reportId: string): StoredImport | undefined {
  return imports.find((i) => i.result.reportIds.includes(reportId));
}

/** The refusal for an import that is the same file as one added, or collides with loaded reports. */
async function collisionRefusal(result: AcceptedFile): Promise<Refusal | null> {
  const same = result.digest ? imports.find((i) => i.result.digest === result.digest) : undefined;
  if (same) return refusal('sameFile', { file: same.result.file });
  const clash = await collisionOf(result);
  if (clash) return refusal('alreadyInData', { n: clash.count, source: clash.source });
  return null;
}

/** Merge an accepted file into the loaded data and keep it in IndexedDB. Rejects with a message naming the file. */
export async function addImport(result: AcceptedFile): Promise<StoredImport> {
  await whenReady();
  // A restore still running would publish its own list last and drop this import from the panel
  // (the data and IndexedDB would keep it); saved imports also own their ids first.
  await restored?.catch(() => undefined);
  const refused = await collisionRefusal(result);
  if (refused) throw new RefusalError(refused, result.file);
  const first = Object.values(result.tables)[0] ?? new Uint8Array();
  const item: StoredImport = {
    id: `${result.kind}:${result.file}:${result.digest?.slice(0, 16) ?? (await digest(first))}`,
    addedAt: new Date().toISOString(),
    result,
  };
  try {
    // Copies: the loader may transfer its buffers to a worker, and IndexedDB keeps the originals.
    await loadParquetBytes(result.source, copyTables(result.tables));
  } catch (error) {
    throw new RefusalError(refusal('engine', { detail: shortError(error) }), result.file);
  }
  try {
    await saveImport(item);
  } catch (error) {
    // Still in this session's data; only persistence failed, and the panel says so.
    publish([...imports.filter((i) => i.id !== item.id), item]);
    throw new RefusalError(refusal('notKept', { file: result.file, detail: String(error) }));
  }
  publish([...imports.filter((i) => i.id !== item.id), item]);
  return item;
}

/**
 * Take an import out: first from IndexedDB (so a failure below cannot bring it back on the next
 * visit), then its rows from the tables it wrote, in batches. A quarantined import only has the
 * IndexedDB record.
 */
export async function removeImport(id: string): Promise<void> {
  if (quarantined.some((q) => q.item.id === id)) {
    await deleteImport(id);
    publish(
      imports,
      quarantined.filter((q) => q.item.id !== id),
    );
    return;
  }
  const item = imports.find((i) => i.id === id);
  if (!item) return;
  await whenReady();
  await deleteImport(id);
  publish(imports.filter((i) => i.id !== id));
  await removeReports(item.result.reportIds, tablesOf(item.result));
}

let restored: Promise<number> | null = null;

/**
 * Bring back what was imported in earlier visits, once the dataset is loaded. A stored import
 * that no longer passes validation (saved by an older version), collides with the loaded data or
 * fails to load is quarantined: kept out of the data, listed with its error and a remove button,
 * never left to break start-up. Settles with how many were loaded back.
 */
export function restoreImports(onError: (r: Refusal) => void = () => undefined): Promise<number> {
  restored ??= (async () => {
    let stored: StoredImport[];
    try {
      stored = await loadStoredImports();
    } catch (error) {
      onError(refusal('savedUnreadable', { detail: String(error) }));
      return 0;
    }
    if (stored.length === 0) return 0;
    await whenReady();
    const ok: StoredImport[] = [];
    const bad: Quarantined[] = [];
    for (const item of stored) {
      try {
        const invalid = await revalidate(item.result);
        if (invalid) throw new RefusalError(invalid);
        // Earlier ones count as owners for the collision check; copies, so the store's
        // snapshot changes identity when the list does (useSyncExternalStore compares by reference).
        publish([...ok], [...bad]);
        const refused = await collisionRefusal(item.result);
        if (refused) throw new RefusalError(refused);
        await loadParquetBytes(item.result.source, copyTables(item.result.tables));
        ok.push(item);
      } catch (error) {
        bad.push({
          item,
          error:
            error instanceof RefusalError ? error.refusal : refusal('engine', { detail: shortError(error) }),
        });
      }
    }
    publish([...ok], [...bad]);
    if (bad.length > 0)
      onError(refusal('savedNotLoaded', { files: bad.map((q) => q.item.result.file).join(', ') }));
    return ok.length;
  })();
  return restored;
}

/** A saved dataset import checked again as a new one would be (it may predate validation). */
async function revalidate(result: AcceptedFile): Promise<Refusal | null> {
  if (result.kind !== 'dataset') return null;
  for (const [table, bytes] of Object.entries(result.tables)) {
    const again = await inspectFile(new File([bytes.slice()], `${table}.parquet`));
    if (!again.ok) return again.refusal;
  }
  return null;
}

/** An engine error as one line, without the SQL DuckDB quotes after it. */
function shortError(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  return text.replace(/\s*(LINE \d+:|SELECT |INSERT |CREATE |DELETE ).*$/s, '').slice(0, 300);
}

function copyTables(t: AcceptedFile['tables']): AcceptedFile['tables'] {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.slice()]));
}
