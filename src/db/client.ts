/**
 * The main-thread face of the database: the engine handle (DuckDB-WASM in its own Web Worker, EH
 * bundle or MVP fallback, all files from the app's origin; Parquet decoded in ./parquet.worker.ts
 * through ./codec-rpc.ts) and the loader that puts a dataset into it. The status store the UI
 * subscribes to is ./status.ts; fetching from the app's origin is ./fetch.ts. Nothing here
 * touches the network beyond the app's origin.
 */
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { DERIVED_DIR, derivedFile } from '../dataset/derived';
import { PARQUET_FILES } from '../dataset/rows';
import { Binder, type BoundQuery } from '../sql/bound';
import { LATE_TABLES, PRECOMPUTED, usesLateTables } from '../sql/derived';
import { id } from '../sql/schema';
import { sha256Hex } from '../util/sha256';
import { type CodecPort, codecRpc } from './codec-rpc';
import { type DatasetFile, decodeFile } from './decode';
import type { Engine } from './engine';
import { fetchWithProgress, sameOriginUrl } from './fetch';
import { LateTables } from './late';
import { fetchPrecomputed, type PrecomputedIpc } from './precomputed';
import { type Booted, type DuckdbBundles, startDuckdb } from './start-duckdb';
import { setStatus } from './status';
import { measure } from './timing';
import {
  DATASET_TABLES,
  type DatasetTable,
  type EngineConnection,
  type LoadProgress,
  type ParquetCodec,
  type Queryable,
} from './types';

export { sameOriginUrl } from './fetch';
export { getStatus, subscribeStatus } from './status';

// ---------------------------------------------------------------- engine start-up

let codec: ParquetCodec | null = null;

/** One Parquet codec worker, started by whichever needs it first (loading or the engine). */
function getCodec(): ParquetCodec {
  codec ??= codecWorker();
  return codec;
}

function codecWorker(): ParquetCodec {
  const worker = new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module' });
  // A dead worker rejects its calls (./codec-rpc.ts); the next load starts a fresh one.
  const rpc = codecRpc(worker as unknown as CodecPort, () => {
    if (codec === rpc) codec = null;
  });
  return rpc;
}

let enginePromise: Promise<Engine> | null = null;
/** Checks, regions, the unit index and the coverage grid: in after the first view's queries (./late.ts). */
const late = new LateTables();

/**
 * Settles once the first view of the loaded dataset has had its queries answered and the page
 * has been idle (when the late tables start to build): work that can wait for the first chart
 * starts then.
 */
export function firstViewSettled(): Promise<void> {
  return late.quietReached();
}

/** The two DuckDB-WASM builds as this build emitted them. */
export const DUCKDB_BUNDLES: DuckdbBundles = {
  eh: { worker: ehWorker, wasm: ehWasm },
  mvp: { worker: mvpWorker, wasm: mvpWasm },
};

let booted: Booted | null = null;

/** DuckDB's worker, asked to instantiate (once); src/db/boot.ts calls this first thing. */
export function bootEngine(): Booted {
  booted ??= startDuckdb(DUCKDB_BUNDLES, globalThis.location?.href);
  return booted;
}

async function startEngine(): Promise<Engine> {
  // Each start-up step is its own db:stage so `npm run bench` shows where the time goes.
  const step = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await run();
    measure('db:stage', t, { stage });
    return out;
  };
  const { worker, instantiated } = bootEngine();
  // Loaded on first use so the app's first paint does not wait for DuckDB and Arrow (the
  // initial-JS budget of issue 3 is 250 KB gzip); both download while the wasm compiles.
  const engineModule = import('./engine');
  engineModule.catch(() => undefined);
  const duckdb = await step('engine: import duckdb js', () => import('@duckdb/duckdb-wasm'));
  await instantiated;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const conn = await step('engine: connect', () => db.connect());
  const { Engine } = await step('engine: import engine js', () => engineModule);
  // runQuery wants the connection id: AsyncDuckDBConnection hands it out through its public
  // `useUnsafe` (not its protected `_conn`).
  // biome-ignore lint/correctness/useHookAtTopLevel: DuckDB's connection method, not a React hook
  const connId = conn.useUnsafe((_db, id) => id);
  const engine = new Engine(conn as unknown as EngineConnection, getCodec(), (sql) =>
    db.runQuery(connId, sql),
  );
  await step('engine: init', () => engine.init());
  exposeBenchHook(engine);
  return engine;
}

/**
 * `npm run bench` injects `window.__BENCH__` before the app starts; only then the engine offers
 * a replay of a bound query (timed here, next to the worker) so the benchmark can compare the
 * very statements the views ran with native DuckDB. Absent in normal use.
 */
function exposeBenchHook(e: Engine): void {
  const bench = (globalThis as { __BENCH__?: { db?: unknown } }).__BENCH__;
  if (!bench) return;
  bench.db = {
    replay: async (q: BoundQuery, repeat: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        await e.run(q);
        times.push(performance.now() - t);
      }
      return times;
    },
  };
}

function engine(): Promise<Engine> {
  enginePromise ??= startEngine();
  return enginePromise;
}

// ---------------------------------------------------------------- loading

/**
 * Start DuckDB and load the four contract files from `datasetBaseUrl` (e.g. `./data/`), then
 * build the derived tables. Status goes loading → ready (or error, with a message naming the
 * file); `onProgress` also gets each step. Safe to call once at app start-up.
 */
export async function initDatabase(
  datasetBaseUrl: string,
  onProgress?: (p: LoadProgress) => void,
): Promise<void> {
  const started = performance.now();
  const report = (p: LoadProgress) => {
    setStatus({ phase: 'loading', progress: p });
    onProgress?.(p);
  };
  setStatus({ phase: 'loading', progress: null });
  try {
    const base = sameOriginUrl(datasetBaseUrl.endsWith('/') ? datasetBaseUrl : `${datasetBaseUrl}/`);
    // DuckDB's start-up (a 34 MB wasm to compile) and the files' download and Parquet decoding
    // (its own worker) overlap; only the inserts wait for DuckDB.
    const starting = engine();
    const codec = getCodec();
    const filesTotal = DATASET_TABLES.length;
    const loaded = DATASET_TABLES.map(() => 0);
    const totals = DATASET_TABLES.map(() => 0);
    let fetched = 0;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const fetches = DATASET_TABLES.map(async (table, i) => {
      const file = PARQUET_FILES[table];
      const bytes = await fetchWithProgress(new URL(file, base), (done, total) => {
        loaded[i] = done;
        totals[i] = total;
        report({
          file,
          filesDone: fetched,
          filesTotal,
          bytesLoaded: sum(loaded),
          bytesTotal: totals.every((t) => t > 0) ? sum(totals) : 0,
          stage: 'fetch',
        });
      });
      loaded[i] = bytes.length;
      fetched++;
      return bytes;
    });
    const bytesOf = (t: DatasetTable) => fetches[DATASET_TABLES.indexOf(t)]!;
    // The dataset's precomputed helper tables, when they match its files: then cells.parquet,
    // most of the data, is only fetched (for its hash and for later), not decoded. The files are
    // hashed before decoding because the codec worker takes their bytes (a transfer, not a copy).
    const hashes = { reports: bytesOf('reports').then(sha256Hex), cells: bytesOf('cells').then(sha256Hex) };
    for (const h of Object.values(hashes)) h.catch(() => undefined);
    const precomputed = fetchPrecomputed(base, hashes, codec);
    const decoded = DATASET_TABLES.map(async (table, i) => {
      const bytes = await fetches[i]!;
      if (table === 'reports') await hashes.reports.catch(() => undefined);
      if (table === 'cells' && (await precomputed)) return null;
      const t = performance.now();
      const ipc = await decodeFile(codec, { name: PARQUET_FILES[table], bytes });
      measure('db:stage', t, { stage: `decode ${table}` });
      return ipc;
    });
    // Failures surface below, in file order; don't let the others go unhandled meanwhile.
    for (const d of decoded) d.catch(() => undefined);
    const e = await starting;
    measure('db:stage', started, { stage: 'engine start' });
    // A late build of the previous dataset finishes before this one changes the tables.
    await late.ready().catch(() => undefined);
    // Precomputed tables rank this dataset's reports alone: not usable on top of earlier data.
    await e.ensureDeferred();
    const fresh = e.isEmptyDataset();
    for (const [i, table] of DATASET_TABLES.entries()) {
      const file = PARQUET_FILES[table];
      let ipc = await decoded[i]!;
      report({ file, filesDone: i, filesTotal, bytesLoaded: sum(loaded), bytesTotal: 0, stage: 'insert' });
      const inserted = performance.now();
      if (ipc === null) {
        const adopted = fresh && (await adoptPrecomputed(e, (await precomputed)!));
        if (adopted) e.deferCells({ table, name: file, bytes: await fetches[i]! });
        else ipc = await decodeFile(codec, { name: file, bytes: await fetches[i]! });
      }
      const later =
        fresh &&
        ipc !== null &&
        AFTER_FIRST_CHART.includes(table) &&
        e.deferInsert({ table, name: file }, ipc);
      if (!later && ipc !== null) await e.addDecoded({ table, name: file }, ipc);
      measure('db:stage', inserted, {
        stage:
          ipc === null ? 'insert derived/ (cells deferred)' : later ? `keep ${table}` : `insert ${table}`,
      });
    }
    const bytesDone = sum(loaded);
    report({
      file: '',
      filesDone: filesTotal,
      filesTotal,
      bytesLoaded: bytesDone,
      bytesTotal: bytesDone,
      stage: 'index',
    });
    const derived = performance.now();
    await e.buildCore();
    measure('db:stage', derived, { stage: 'derived tables' });
    const summary = await e.summary();
    measure('db:load', started, { dataset: base.href, bytes: bytesDone, cells: summary.cells });
    late.schedule(async () => {
      const t = performance.now();
      await e.insertKept();
      measure('db:stage', t, { stage: 'late: insert kept tables' });
      await e.buildLate();
    });
    setStatus({ phase: 'ready', summary: { ...summary, loadMs: performance.now() - started } });
  } catch (err) {
    setStatus({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/**
 * Contract tables the first chart of no view reads (those among LATE_TABLES): on a dataset's
 * first load they are inserted with the late tables (./late.ts), ~35 ms later on the first
 * chart's path otherwise.
 */
const AFTER_FIRST_CHART = DATASET_TABLES.filter((t) => (LATE_TABLES as readonly string[]).includes(t));

/** Insert the precomputed helper tables; false (and the caller decodes cells) if one is refused. */
async function adoptPrecomputed(e: Engine, ipc: PrecomputedIpc): Promise<boolean> {
  try {
    for (const t of PRECOMPUTED) await e.addPrecomputed(t, derivedFile(t), ipc[t]);
    return true;
  } catch (err) {
    console.info(`${DERIVED_DIR}: not used (${err instanceof Error ? err.message : String(err)})`);
    return false;
  }
}

/**
 * Merge more contract files given as bytes (e.g. a dataset imported in the browser); reports with
 * an existing report_id replace the old ones. `files` maps table name → Parquet bytes; any subset.
 */
export async function loadParquetBytes(
  name: string,
  files: Partial<Record<DatasetTable, Uint8Array>>,
): Promise<void> {
  const started = performance.now();
  const e = await engine();
  await late.ready().catch(() => undefined);
  const list: DatasetFile[] = DATASET_TABLES.filter((t) => files[t]).map((t) => ({
    table: t,
    name: `${name}/${PARQUET_FILES[t]}`,
    bytes: files[t]!,
  }));
  setStatus({ phase: 'loading', progress: null });
  try {
    for (const f of list) await e.addFile(f);
    await e.buildDerived();
    setStatus({ phase: 'ready', summary: { ...(await e.summary()), loadMs: performance.now() - started } });
  } catch (err) {
    // A bad extra file must not take down the dataset already loaded (addFile validates before
    // it changes anything): stay ready and let the caller show the error (src/import).
    try {
      await e.buildDerived();
      setStatus({ phase: 'ready', summary: { ...(await e.summary()), loadMs: performance.now() - started } });
    } catch {
      setStatus({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    }
    throw err;
  }
}

/** Ids bound per DELETE: DuckDB-WASM ran out of bounds on one statement with 100,000 of them. */
const DELETE_BATCH = 1000;

/**
 * Remove reports by report_id from `tables` (by default all their reports/cells/checks rows) and
 * rebuild the derived tables: how an import is taken back out (src/import). Regions are shared
 * and stay. Deletes go in batches, so any number of ids can be removed.
 */
export async function removeReports(
  reportIds: readonly string[],
  tables: readonly ('reports' | 'cells' | 'checks')[] = ['reports', 'cells', 'checks'],
): Promise<void> {
  if (reportIds.length === 0) return;
  const started = performance.now();
  const e = await engine();
  await late.ready().catch(() => undefined);
  setStatus({ phase: 'loading', progress: null });
  try {
    await e.ensureDeferred();
    for (const table of tables) {
      for (let i = 0; i < reportIds.length; i += DELETE_BATCH) {
        const b = new Binder();
        const batch = reportIds.slice(i, i + DELETE_BATCH);
        await e.run(b.done(`DELETE FROM ${id(table)} WHERE ${id('report_id')} IN (${b.list(batch)})`));
      }
    }
    await e.buildDerived();
    setStatus({ phase: 'ready', summary: { ...(await e.summary()), loadMs: performance.now() - started } });
  } catch (err) {
    setStatus({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/**
 * The report_ids present in each of `tables`, with their source when the reports table has one:
 * what an import would collide with. One scan per table, no bound list however many ids.
 */
export async function reportIdsIn(
  tables: readonly ('reports' | 'cells' | 'checks')[],
): Promise<Map<string, Map<string, string | null>>> {
  const e = await engine();
  await late.ready().catch(() => undefined);
  await e.ensureDeferred();
  const out = new Map<string, Map<string, string | null>>();
  for (const table of tables) {
    const b = new Binder();
    const sql =
      table === 'reports'
        ? `SELECT ${id('report_id')}, ${id('source')} FROM ${id('reports')}`
        : `SELECT DISTINCT t.${id('report_id')}, r.${id('source')} FROM ${id(table)} t LEFT JOIN ${id('reports')} r USING (${id('report_id')})`;
    const rows = await e.run<{ report_id: string; source: string | null }>(b.done(sql));
    out.set(table, new Map(rows.map((r) => [r.report_id, r.source])));
  }
  return out;
}

/** The merged dataset (bundled + imported) as the four contract Parquet files. */
export async function exportParquet(): Promise<Record<DatasetTable, Uint8Array>> {
  const e = await engine();
  await late.ready().catch(() => undefined);
  return e.exportParquet();
}

/** Arrow IPC stream → Parquet bytes in the codec worker (files the app writes besides the dataset). */
export async function encodeParquet(ipcStream: Uint8Array): Promise<Uint8Array> {
  return getCodec().encode(ipcStream);
}

/** The query surface for src/queries. Only valid once `initDatabase` has resolved. */
export function getDatabase(): Queryable {
  return {
    query: async <T>(q: BoundQuery) => {
      const e = await engine();
      const started = performance.now();
      const run = () => e.run<T>(q);
      const rows = usesLateTables(q.sql) ? await late.ready().then(run) : await late.track(run);
      measure('db:query', started, { sql: q.sql, params: q.params, rows: rows.length });
      return rows;
    },
    cellSources: async (reportId: string) => {
      const e = await engine();
      return e.cellSources(reportId);
    },
  };
}
