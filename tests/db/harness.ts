/**
 * Test harness: the browser's DuckDB engine (duckdb-wasm) under Node via `duckdb-node-blocking`,
 * parquet-wasm's Node build as the codec, and a typed fixture dataset written as real Parquet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Float64, Int32, Table, tableToIPC, Utf8, type Vector, vectorFromArray } from 'apache-arrow';
import * as pq from 'parquet-wasm/node';
import {
  type CellRow,
  type CheckRow,
  PARQUET_FILES,
  type RegionRow,
  type ReportRow,
} from '../../src/dataset/rows';
import { type DatasetFile, Engine } from '../../src/db/engine';
import { DATASET_TABLES, type EngineConnection, type ParquetCodec, type Queryable } from '../../src/db/types';
import { CONTRACT } from '../../src/domain/vocab/contract';
import type { BoundQuery } from '../../src/sql/bound';

const require = createRequire(import.meta.url);

export const nodeCodec: ParquetCodec = {
  decode: (bytes) => pq.readParquet(bytes).intoIPCStream(),
  encode: (ipc) => pq.writeParquet(pq.Table.fromIPCStream(ipc)),
};

export interface TestDb extends Queryable {
  engine: Engine;
  conn: EngineConnection;
}

let wasmOverride: { eh: string; mvp: string } | null = null;

/**
 * Run every later `openTestDb` on other builds of DuckDB's wasm (the same glue, other binaries):
 * tests/sql/production-wasm.test.ts uses the ones `vite build` ships, exports cut.
 */
export function setTestWasm(files: { eh: string; mvp: string } | null): void {
  wasmOverride = files;
}

export async function openTestDb(): Promise<TestDb> {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: {
      mainModule: wasmOverride?.mvp ?? join(dist, 'duckdb-mvp.wasm'),
      mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: wasmOverride?.eh ?? join(dist, 'duckdb-eh.wasm'),
      mainWorker: join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect() as EngineConnection & { useUnsafe: <T>(f: (b: unknown, c: number) => T) => T };
  const queryIpc = (sql: string): Uint8Array =>
    conn.useUnsafe((bindings, cid) =>
      (bindings as { runQuery(c: number, s: string): Uint8Array }).runQuery(cid, sql),
    );
  const engine = new Engine(conn, nodeCodec, { queryIpc });
  await engine.init();
  return { engine, conn, query: <T>(q: BoundQuery) => engine.run<T>(q) };
}

type Columns<R> = { [K in keyof R]: R[K][] };

/** The bundled dataset's folder (public/data). */
export const BUNDLED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/data');

/** A file of the bundled dataset (e.g. `derived/t3n.parquet`), as bytes. */
export const readBundled = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(BUNDLED_DIR, file)));

/** The engine over the bundled dataset's four files, its derived tables built from cells. */
export async function openBundledDb(): Promise<TestDb> {
  const db = await openTestDb();
  for (const table of DATASET_TABLES)
    await db.engine.addFile({ table, name: PARQUET_FILES[table], bytes: readBundled(PARQUET_FILES[table]) });
  await db.engine.buildDerived();
  return db;
}

function columns<R extends object>(rows: readonly R[], keys: readonly (keyof R)[]): Columns<R> {
  const out = {} as Columns<R>;
  for (const k of keys) out[k] = rows.map((r) => r[k]);
  return out;
}

/** Rows → Parquet bytes with explicit column types (strings may be null, numbers Float64/Int32). */
export function toParquet<R extends object>(
  rows: readonly R[],
  spec: { [K in keyof R & string]?: 'text' | 'int' | 'float' },
): Uint8Array {
  const keys = Object.keys(spec) as (keyof R & string)[];
  const cols = columns(rows, keys);
  const vectors: Record<string, Vector> = {};
  for (const k of keys) {
    const values = cols[k] as unknown[];
    if (spec[k] === 'text') {
      vectors[k] = vectorFromArray(
        values.map((v) => (v == null ? null : String(v))),
        new Utf8(),
      );
    } else {
      const type = spec[k] === 'int' ? new Int32() : new Float64();
      vectors[k] = vectorFromArray(
        values.map((v) => (v == null ? null : Number(v))),
        type,
      );
    }
  }
  const table = new Table(vectors);
  return pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(table, 'stream')));
}

export interface Fixture {
  reports: ReportRow[];
  cells: CellRow[];
  checks: CheckRow[];
  regions: RegionRow[];
}

/** Column kinds of the contract's four files, for writing fixtures (one list: the contract's). */
export const REPORT_SPEC = CONTRACT.reports;
export const CELL_SPEC = CONTRACT.cells;
export const CHECK_SPEC = CONTRACT.checks;
export const REGION_SPEC = CONTRACT.regions;

export function fixtureFiles(f: Fixture): DatasetFile[] {
  return [
    { table: 'reports', name: 'reports.parquet', bytes: toParquet(f.reports, REPORT_SPEC) },
    { table: 'cells', name: 'cells.parquet', bytes: toParquet(f.cells, CELL_SPEC) },
    { table: 'checks', name: 'checks.parquet', bytes: toParquet(f.checks, CHECK_SPEC) },
    { table: 'regions', name: 'regions.parquet', bytes: toParquet(f.regions, REGION_SPEC) },
  ];
}

export async function loadFixture(db: TestDb, f: Fixture): Promise<void> {
  for (const file of fixtureFiles(f)) await db.engine.addFile(file);
  await db.engine.buildDerived();
}
