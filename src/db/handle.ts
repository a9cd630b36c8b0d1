/**
 * The engine handle: DuckDB-WASM in its own Web Worker (EH bundle or MVP fallback, all files
 * from the app's origin), the Parquet codec worker (./codec.ts), the late tables' schedule
 * (./late.ts) and the query surface src/queries reads through. Each is started once, by
 * whichever needs it first. Loading a dataset is ./loader.ts; changing the loaded data
 * (imports, removal, export) ./changes.ts; the status the UI shows ./status.ts.
 */
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { BoundQuery } from '../sql/bound';
import { usesLateTables } from '../sql/derived';
import { backgroundRunner, POLL_MS } from './background';
import { startCodecWorker } from './codec';
import type { Engine } from './engine';
import { LateTables } from './late';
import { type Booted, type DuckdbBundles, startDuckdb } from './start-duckdb';
import type { QueryTiming } from './statements';
import { measure } from './timing';
import type { EngineConnection, ParquetCodec, Queryable } from './types';
import { searchRowsInWorker } from './unit-search-worker';

let codec: ParquetCodec | null = null;

/** The Parquet codec worker; a dead one is replaced on the next call (its calls failed). */
export function getCodec(): ParquetCodec {
  if (codec) return codec;
  const fresh = startCodecWorker(() => {
    if (codec === fresh) codec = null;
  });
  codec = fresh;
  return fresh;
}

/** Checks, regions, the unit index and the coverage grid: in after the first view's queries (./late.ts). */
export const late = new LateTables();

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

let enginePromise: Promise<Engine> | null = null;

/**
 * The engine, started on first call. The loader's call may pass `scriptsAfter`: DuckDB's script
 * (~0.3 s of main-thread parsing and evaluation), and its worker's wasm compile when boot did not
 * start it, wait for it, so that a first view drawn from stored answers (./stored.ts) is not held
 * up by an engine it does not need yet.
 */
export function engine(scriptsAfter?: Promise<unknown>): Promise<Engine> {
  enginePromise ??= startEngine(scriptsAfter);
  return enginePromise;
}

async function startEngine(scriptsAfter?: Promise<unknown>): Promise<Engine> {
  // Each start-up step is its own db:stage so `npm run bench` shows where the time goes.
  const step = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await run();
    measure('db:stage', t, { stage });
    return out;
  };
  // On a repeat visit src/db/boot.ts leaves the worker to here: its wasm compile waits too.
  await scriptsAfter?.catch(() => undefined);
  const { worker, instantiated } = bootEngine();
  // Loaded on first use so the app's first paint does not wait for DuckDB and Arrow (the
  // initial-JS budget of issue 3 is 250 KB gzip); both download while the wasm compiles.
  const engineModule = import('./engine');
  engineModule.catch(() => undefined);
  const duckdb = await step('engine: import duckdb js', () => import('@duckdb/duckdb-wasm'));
  await instantiated;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // A fresh in-memory database whose pending queries run in steps of POLL_MS (./background.ts):
  // the late build's on a second connection, the views' on the first.
  const [conn, background] = await step('engine: connect', async () => {
    await db.open({ query: { queryPollingInterval: POLL_MS } });
    return [await db.connect(), await db.connect()] as const;
  });
  const { Engine } = await step('engine: import engine js', () => engineModule);
  // runQuery wants the connection id: AsyncDuckDBConnection hands it out through its public
  // `useUnsafe` (not its protected `_conn`).
  // biome-ignore lint/correctness/useHookAtTopLevel: DuckDB's connection method, not a React hook
  const connId = conn.useUnsafe((_db, id) => id);
  const engine = new Engine(conn as unknown as EngineConnection, getCodec(), {
    queryIpc: (sql) => db.runQuery(connId, sql),
    searchRows: searchRowsInWorker,
    runInBackground: backgroundRunner(background),
  });
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

/**
 * A change every query waits for (the unit merges being applied, ./changes.ts), so that none reads
 * the reports half rewritten; the view stays on screen meanwhile and asks again after.
 */
let gate: Promise<void> = Promise.resolve();
export function holdQueries(change: Promise<unknown>): void {
  gate = change.then(
    () => undefined,
    () => undefined,
  );
}

/** The query surface for src/queries. Only valid once a dataset has loaded (./loader.ts). */
export function getDatabase(): Queryable {
  return {
    query: async <T>(q: BoundQuery) => {
      const e = await engine();
      await gate;
      const started = performance.now();
      const timing: QueryTiming = { prepareMs: 0, runMs: 0, decodeMs: 0 };
      let sent = started;
      const run = () => {
        sent = performance.now();
        return e.run<T>(q, timing);
      };
      const rows = usesLateTables(q.sql) ? await late.readyFor(q.sql).then(run) : await late.track(run);
      // In a session a query's duration is more than its replay: the time is split here so a
      // profile can tell the late build, a new text's prepare, the worker's queue and the decode apart.
      measure('db:query', started, {
        sql: q.sql,
        params: q.params,
        rows: rows.length,
        waitMs: round(sent - started),
        prepareMs: round(timing.prepareMs),
        runMs: round(timing.runMs),
        decodeMs: round(timing.decodeMs),
      });
      return rows;
    },
    idle: () => late.nextQuietMoment(),
    prepare: async (q: BoundQuery) => {
      const e = await engine();
      await gate;
      const prepare = () => e.prepare(q);
      await (usesLateTables(q.sql) ? late.readyFor(q.sql).then(prepare) : late.track(prepare));
    },
    cellSources: async (reportId: string) => {
      const e = await engine();
      await gate;
      return e.cellSources(reportId);
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
