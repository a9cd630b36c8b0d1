/**
 * Changes to the loaded data after its load: contract files merged in (a dataset or reports
 * imported in the browser, src/import), reports taken out again, the merged data exported, and
 * Parquet written by the codec worker. Each waits for a late build of the tables in flight, and
 * leaves the status (./status.ts) ready with the new summary, or names the error.
 */
import { PARQUET_FILES } from '../dataset/rows';
import { Binder } from '../sql/bound';
import { id } from '../sql/schema';
import type { DatasetFile } from './decode';
import { markDataChanged } from './fingerprint';
import { engine, getCodec, holdQueries, late } from './handle';
import { getStatus, setStatus, subscribeStatus } from './status';
import { DATASET_TABLES, type DatasetTable } from './types';
import type { MergeConflict } from './unit-merges';

/**
 * Merge more contract files given as bytes (e.g. a dataset imported in the browser); reports with
 * an existing report_id replace the old ones. `files` maps table name → Parquet bytes; any subset.
 */
async function loadParquetBytesNow(
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
async function removeReportsNow(
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

/**
 * The units merged in the browser (resolved from → into pairs, src/domain/units/merges.ts): kept
 * by the engine for every later load and import, and applied now; returns the merged (unit, year)
 * pairs that hold two reports. Before the dataset is ready, the load applies them itself. Callers
 * apply one change at a time (src/import/unit-merges.ts queues them).
 */
async function setUnitMergesNow(pairs: readonly (readonly [string, string])[]): Promise<MergeConflict[]> {
  const e = await engine();
  e.setUnitMerges(pairs);
  // A load or import in progress applies them itself only if it has not built yet: wait it out.
  await notLoading();
  if (getStatus().phase !== 'ready') return [];
  const started = performance.now();
  const run = (async () => {
    await late.ready().catch(() => undefined);
    await e.remapUnits();
  })();
  holdQueries(run);
  try {
    await run;
  } catch (err) {
    setStatus({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
  // Still ready (the view is not replaced by the loading panel); the counts are new.
  setStatus({ phase: 'ready', summary: { ...(await e.summary()), loadMs: performance.now() - started } });
  return e.mergeConflicts;
}

function notLoading(): Promise<void> {
  return new Promise((done) => {
    const check = () => {
      if (getStatus().phase === 'loading') return;
      stop();
      done();
    };
    const stop = subscribeStatus(check);
    check();
  });
}

/**
 * Changes of the loaded tables run one at a time: an import restored at start-up and the saved
 * unit merges both start once the late tables are in, and their statements (each a transaction)
 * must not interleave on the one connection.
 */
let changing: Promise<unknown> = Promise.resolve();
function serial<A extends unknown[], T>(change: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) => {
    const next = changing.then(() => change(...args));
    changing = next.catch(() => undefined);
    return next;
  };
}

/**
 * A change of the loaded data: from the moment it is asked for, answers are no longer those of
 * the dataset's files alone, so none is read from or kept in the answer store (./fingerprint.ts).
 */
function dataChange<A extends unknown[], T>(change: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  const queued = serial(change);
  return (...args) => {
    markDataChanged();
    return queued(...args);
  };
}

export const loadParquetBytes = dataChange(loadParquetBytesNow);
export const removeReports = dataChange(removeReportsNow);
export const setUnitMerges = dataChange(setUnitMergesNow);
