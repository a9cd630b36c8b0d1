/**
 * The connection surface the engine needs. Both duckdb-wasm connections satisfy it: the
 * AsyncDuckDBConnection of the browser (methods return promises) and the blocking
 * DuckDBConnection of `duckdb-node-blocking` used by tests (methods return values), so one
 * engine runs on the engine users get, under Node too.
 */
import type { BoundQuery } from '../sql/bound';
import type { CellSourceRow } from '../sql/report';

type MaybePromise<T> = T | Promise<T>;

/**
 * The part of an Arrow table the engine reads. Structural, not apache-arrow's `Table`: the engine
 * also runs on duckdb-node-blocking in tests. duckdb-wasm and the app share one apache-arrow
 * (package.json pins the version duckdb-wasm declares; tests/db/one-arrow.test.ts).
 */
export interface ArrowResult {
  numRows: number;
  schema: { fields: { name: string; type: { toString(): string } }[] };
  toArray(): { toJSON(): Record<string, unknown> }[];
}

export interface EngineConnection {
  query(sql: string): MaybePromise<ArrowResult>;
  prepare(sql: string): MaybePromise<{
    query(...params: unknown[]): MaybePromise<ArrowResult>;
    close(): MaybePromise<void>;
  }>;
  insertArrowFromIPCStream(
    buffer: Uint8Array,
    options: { name: string; create?: boolean },
  ): MaybePromise<void>;
}

/** Parquet ⇄ Arrow IPC stream, provided by parquet-wasm (browser or Node build). */
export interface ParquetCodec {
  /** Throws on bytes that are not a readable Parquet file. */
  decode(parquet: Uint8Array): MaybePromise<Uint8Array>;
  encode(ipcStream: Uint8Array): MaybePromise<Uint8Array>;
}

export type Row = Record<string, unknown>;

/** Anything that runs a bound query and returns plain rows: the browser client, or a test engine. */
export interface Queryable {
  query<T = Row>(q: BoundQuery): Promise<T[]>;
  /** One report's cell places (`src_` columns); where absent, read by SQL from `cells`. */
  cellSources?(reportId: string): Promise<CellSourceRow[]>;
  /**
   * Settles at a moment with no query in flight and the page idle: background work (the anomaly
   * flags) runs its statements one by one there, so a person's query never waits behind many.
   * Absent (tests), background work runs straight on.
   */
  idle?(): Promise<void>;
  /**
   * Prepare the statement of a question likely to be asked (its values do not matter), so that
   * asking it skips the prepare; once the tables it reads are in. Absent (tests): nothing to do.
   */
  prepare?(q: BoundQuery): Promise<void>;
}

/** The four contract files by table name. */
export type DatasetTable = 'reports' | 'cells' | 'checks' | 'regions';
export const DATASET_TABLES: readonly DatasetTable[] = ['reports', 'cells', 'checks', 'regions'];

// Status of the dataset load, reported to the UI through src/queries.

export interface LoadProgress {
  /** The file being fetched or inserted. */
  file: string;
  filesDone: number;
  filesTotal: number;
  bytesLoaded: number;
  /** 0 when unknown (no Content-Length). */
  bytesTotal: number;
  stage: 'fetch' | 'decode' | 'insert' | 'index';
}

export interface DatasetSummary {
  reports: number;
  cells: number;
  checks: number;
  regions: number;
  units: number;
  /** Reports whose source is 'synthetic' (generated data; the UI shows a banner). */
  synthetic: number;
  years: number[];
  provinces: string[];
  /** Milliseconds from start to ready. */
  loadMs: number;
}

export type DatasetStatus =
  | { phase: 'idle' }
  | {
      phase: 'loading';
      progress: LoadProgress | null;
      /**
       * The summary of these very files kept from an earlier visit (src/db/stored.ts) or shipped
       * with the dataset (src/db/first-view.ts): the views show those answers meanwhile, and
       * questions without one wait for the engine.
       */
      stored?: DatasetSummary;
      /** Where `stored` and the answers drawn meanwhile come from. */
      storedFrom?: 'visit' | 'dataset';
    }
  | { phase: 'ready'; summary: DatasetSummary }
  | { phase: 'error'; error: string };
