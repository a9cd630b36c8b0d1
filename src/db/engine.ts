/**
 * The one owner of DuckDB: configuration, Parquet loading (decode → Arrow IPC → staged insert,
 * checked against the contract by ./contract-check.ts), derived tables, bound queries
 * (./statements.ts) and export (./export.ts). Runs unchanged on the browser's async connection
 * and on `duckdb-node-blocking` in tests. The parts without state live in those modules; what
 * stays here is what shares the engine's state (deferred and kept tables, merges, stages).
 */
import { parquetMetadata } from 'hyparquet';
import { memoFold, type SearchRows, unitSearchRow } from '../dataset/unit-search-keys';
import type { BoundQuery } from '../sql/bound';
import {
  buildCoverage,
  buildReportKeys,
  buildUnitFacts,
  buildUnits,
  CREATE_UNIT_PINYIN,
  CREATE_VIEWS,
  insertUnitPinyin,
  insertUnitPinyinPacked,
  PRECOMPUTED,
  PRECOMPUTED_BUILDERS,
  type PrecomputedTable,
  type UnitPinyinRow,
} from '../sql/derived';
import { buildCoverageUnits, coverageShapeSql } from '../sql/quality';
import { type CellSourceRow, cellSourcesSql } from '../sql/report';
import { CONTRACT_TYPES, id, SCHEMA } from '../sql/schema';
import { adoptShippedLateSql, SHIPPED_LATE } from '../sql/shipped-late';
import { readUnits, unitFactsSql } from '../sql/units';
import { yieldEvery } from '../util/yield';
import { describeIpc } from './arrow-schema';
import { checkSchema, SQL_TYPE } from './contract-check';
import type { DatasetFile } from './decode';
import { decodeFile } from './decode';
import { exportTables, type QueryIpc } from './export';
import type { LateBuild } from './late';
import type { ShippedLate } from './shipped-late';
import { describeStage, errorText, isEmptyTable, mergeStaged, stageIpc } from './staging';
import { type QueryTiming, Statements } from './statements';
import { measure } from './timing';
import type { DatasetTable, EngineConnection, ParquetCodec, Row } from './types';
import { DATASET_TABLES } from './types';
import { fillUnitIds } from './unit-ids';
import { type MergeConflict, UnitMerges } from './unit-merges';

export type { DatasetFile } from './decode';

/** What the browser's engine has beyond a connection (tests under Node go without). */
export interface EngineExtras {
  /** Runs SQL and returns the result as an Arrow IPC stream (duckdb-wasm's `runQuery`); used by export. */
  queryIpc?: QueryIpc;
  /**
   * The unit index's search keys computed elsewhere (the browser's worker,
   * ./unit-search-worker.ts); without it, or when it fails, here in slices.
   */
  searchRows?: SearchRows;
  /**
   * Runs a statement without bound values a little at a time on a second connection
   * (./background.ts), so that a view's query sent meanwhile runs between two of its steps
   * instead of after it; without it, the late build's statements run in slices of their own.
   */
  runInBackground?: (sql: string) => Promise<void>;
}

export class Engine {
  constructor(
    private readonly conn: EngineConnection,
    private readonly codec: ParquetCodec,
    private readonly extras: EngineExtras = {},
  ) {
    this.statements = new Statements(conn);
  }

  /** Bound queries through prepared statements (./statements.ts). */
  private readonly statements: Statements;

  /** Runs a bound query, its values bound by DuckDB; plain rows (`timing`: where the time went). */
  run<T = Row>(q: BoundQuery, timing?: QueryTiming): Promise<T[]> {
    return this.statements.run<T>(q, timing);
  }

  /** Prepare `q`'s statement now, for a question asked later (./statements.ts `prepare`). */
  prepare(q: BoundQuery): Promise<void> {
    return q.params.length === 0 ? Promise.resolve() : this.statements.prepare(q.sql);
  }

  /** Statements prepared against tables that are about to be replaced must not be reused (all, or those reading `tables`). */
  private closePrepared(tables?: readonly DatasetTable[]): Promise<void> {
    return this.statements.closeAll(tables);
  }

  /** Never fetch extensions: the app works offline, and Parquet is decoded by parquet-wasm instead. */
  async init(): Promise<void> {
    // One statement list, one round trip to the worker: start-up is on the first chart's path.
    const tables = DATASET_TABLES.map((table) => {
      const cols = Object.entries(CONTRACT_TYPES[table])
        .map(([c, t]) => `${id(c as never)} ${SQL_TYPE[t]}`)
        .join(', ');
      return `CREATE TABLE IF NOT EXISTS ${id(table)} (${cols});`;
    });
    await this.conn.query(
      ['SET autoinstall_known_extensions = false;', 'SET autoload_known_extensions = false;', ...tables].join(
        '\n',
      ),
    );
  }

  /**
   * Add one contract file. Rows of reports already present (same report_id) are replaced, so
   * re-importing a report does not duplicate it. Throws an Error naming the file when the bytes
   * are not Parquet or lack a required column / have a wrong type.
   */
  async addFile(file: DatasetFile): Promise<number> {
    const ipc = await this.decode(file);
    // Merging rebuilds the helper tables from all cells, so the deferred ones must be in first.
    await this.ensureDeferred();
    return this.addDecoded(file, ipc);
  }

  /**
   * cells.parquet, kept as bytes while the helper tables came precomputed with the dataset
   * (the loader, ./loader.ts, checks they belong to it): decoding 5M cells costs ~10 s in the browser, and
   * only export and merging need the table itself.
   */
  private deferred: DatasetFile | null = null;
  /** Set by the first addDecoded: precomputed tables are only valid for a dataset loaded alone. */
  private added = false;
  private deferredRows = 0;

  /** Throws, naming the file, when the bytes have no readable Parquet footer. */
  deferCells(file: DatasetFile): void {
    this.deferredRows = footerRows(file);
    this.deferred = file;
  }

  /**
   * Tables no first chart reads (checks, regions), decoded and kept to insert after it
   * (`deferInsert`); `summary` counts their rows meanwhile.
   */
  private pending: { file: Omit<DatasetFile, 'bytes'>; ipc: Uint8Array; rows: number }[] = [];

  /**
   * Keep decoded rows to insert later (`insertKept`), checked now: throws naming the file when
   * their columns are wrong, as `addDecoded` would. False, keeping nothing, when the columns'
   * DuckDB types can only be learnt by inserting them: then insert now.
   */
  deferInsert(file: Omit<DatasetFile, 'bytes'>, ipc: Uint8Array): boolean {
    const described = describeIpc(ipc);
    if (!described) return false;
    checkSchema(file, described.columns);
    this.pending.push({ file, ipc, rows: described.rows });
    return true;
  }

  /** Insert what was deferred (cells, then the kept tables) now; a no-op once they are in. */
  async ensureDeferred(): Promise<void> {
    const file = this.deferred;
    if (file) {
      await this.addDecoded(file, await this.decode(file));
      this.deferred = null;
    }
    await this.insertKept();
  }

  /** Insert the tables kept by `deferInsert` (not deferred cells: only export and merges need those). */
  async insertKept(): Promise<void> {
    while (this.pending.length > 0) {
      const next = this.pending[0]!;
      await this.addDecoded(next.file, next.ipc);
      this.pending.shift();
    }
  }

  private pendingRows(table: DatasetTable): number {
    return this.pending.reduce((n, p) => n + (p.file.table === table ? p.rows : 0), 0);
  }

  /**
   * Adopt a precomputed helper table (a dataset's derived/*.parquet). Throws, changing nothing
   * the views read, when its columns are not the ones ./derived.ts builds.
   */
  async addPrecomputed(table: PrecomputedTable, name: string, ipc: Uint8Array): Promise<void> {
    await this.closePrepared();
    const stage = await this.stageAs(table, name, ipc);
    try {
      await this.conn.query(
        `DROP TABLE IF EXISTS ${id(table)}; ALTER TABLE ${stage} RENAME TO ${id(table)};`,
      );
    } catch (err) {
      await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
      throw err;
    }
  }

  /**
   * A dataset's precomputed rows for `table` in a staging table of their own, whose name is
   * returned once its columns are found to be `table`'s (./derived.ts, ../sql/schema.ts); else
   * the stage is dropped and the error names the file.
   */
  private async stageAs(table: keyof typeof SCHEMA, name: string, ipc: Uint8Array): Promise<string> {
    const stage = await stageIpc(this.conn, ipc, `stage_${++this.stages}`, name);
    try {
      const got = (await describeStage(this.conn, stage, ipc)).columns.map((c) => c.name);
      const want: readonly string[] = SCHEMA[table];
      if (got.join() !== want.join())
        throw new Error(`${name}: columns ${got.join(', ')}, expected ${want.join(', ')}`);
      return stage;
    } catch (err) {
      await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
      throw err;
    }
  }

  /** Staging tables made so far: each gets a new name. */
  private stages = 0;

  /** Parquet → Arrow IPC stream; separate from `addDecoded` so loading can decode ahead. */
  decode(file: DatasetFile): Promise<Uint8Array> {
    return decodeFile(this.codec, file);
  }

  /** `addFile` for bytes already decoded by `decode` (or by the same codec elsewhere). */
  async addDecoded(file: Omit<DatasetFile, 'bytes'>, ipc: Uint8Array): Promise<number> {
    // Only its own table changes here (what is built from it is rebuilt by buildCore, which
    // closes every statement).
    await this.closePrepared([file.table]);
    this.added = true;
    const stage = await stageIpc(this.conn, ipc, `stage_${++this.stages}`, file.name);
    let adopted = false;
    try {
      const [{ columns: described, rows: n }, empty] = await Promise.all([
        describeStage(this.conn, stage, ipc),
        isEmptyTable(this.conn, file.table),
      ]);
      checkSchema(file, described);
      adopted = (await mergeStaged(this.conn, file, stage, described, empty)) === 'adopted';
      if (adopted) return n;
      // Old files lack the column, CSV imports may carry it empty: either way the loader fills it.
      if (file.table === 'reports') await fillUnitIds(this);
      return n;
    } finally {
      if (!adopted) await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    }
  }

  /** Nothing has been added since start-up (nor deferred): a dataset's first load. */
  isEmptyDataset(): boolean {
    return !this.added && !this.deferred && this.pending.length === 0;
  }

  /** (Re)build the derived tables of src/sql/derived.ts; call after the last addFile. */
  async buildDerived(): Promise<void> {
    await this.buildCore();
    await this.buildLate();
  }

  /** Units merged in the browser: applied to `reports` by every build (src/db/unit-merges.ts). */
  private readonly merges = new UnitMerges();
  /** Merged (unit, year) pairs with two reports after the last build (a later import's doing). */
  mergeConflicts: MergeConflict[] = [];

  /** The resolved from → into pairs every later build applies (`remapUnits` applies them now). */
  setUnitMerges(pairs: readonly (readonly [string, string])[]): void {
    this.merges.set(pairs);
  }

  /** Apply the unit merges now and rebuild what groups by unit: report keys, unit index, coverage. */
  async remapUnits(): Promise<void> {
    await this.closePrepared();
    this.mergeConflicts = await this.merges.apply(this);
    await this.run(buildReportKeys());
    for (const view of CREATE_VIEWS) await this.conn.query(view);
    await this.buildLate();
  }

  /** The part of `buildDerived` the views' main queries read: report keys, helper tables, views. */
  async buildCore(): Promise<void> {
    await this.closePrepared();
    let t = performance.now();
    this.mergeConflicts = await this.merges.apply(this);
    await this.run(buildReportKeys());
    measure('db:stage', t, { stage: 'derived: rkeys' });
    t = performance.now();
    // With cells deferred, addPrecomputed has put the helper tables in (ranked by the same rkeys).
    if (!this.deferred) for (const table of PRECOMPUTED) await this.run(PRECOMPUTED_BUILDERS[table]());
    for (const view of CREATE_VIEWS) await this.conn.query(view);
    measure('db:stage', t, { stage: 'derived: helper tables and views' });
  }

  /**
   * The rest of `buildDerived`: the unit index with pinyin (the unit picker) and the coverage
   * grid (Quality), both among the LATE_TABLES. At start-up it runs after the first view's
   * queries (./late.ts), since the first chart reads neither, and while the first interactions
   * run: so the unit index goes in first (`early`, the picker then waits no longer) and the
   * grid's unit records after it, in slices at idle moments (`quiet`); each statement before them
   * once no view's query is in flight (`between`). In the browser the unit facts, the grid and the
   * unit index are built in the background a step at a time (./background.ts) and pinyin in a
   * worker; without those (tests), as any statement, and pinyin in slices that let the page answer.
   * `shipped`: the tables a dataset ships for the very files loaded (./shipped-late.ts), adopted
   * instead of built.
   */
  async buildLate(marks: Partial<LateBuild> = {}, shipped: ShippedLate | null = null): Promise<void> {
    const between = marks.between ?? (async () => undefined);
    const stage = (name: string, t: number) => measure('db:stage', t, { stage: `derived (late): ${name}` });
    let t = performance.now();
    if (shipped && (await this.adoptShippedLate(shipped, marks))) {
      stage('shipped tables', t);
      return;
    }
    t = performance.now();
    await this.runLong(buildUnitFacts());
    const [facts] = await this.run<{ units: string | null }>(unitFactsSql());
    stage('unit facts', t);
    // The coverage grid builds in DuckDB's worker while pinyin is computed (~0.1 s each for the
    // nationwide units): two threads instead of one after the other.
    const tc = performance.now();
    const coverage = between().then(() => this.runLong(buildCoverage()));
    coverage.then(() => stage('coverage', tc)).catch(() => undefined);
    try {
      t = performance.now();
      const rows = await this.searchRows(facts?.units ?? null);
      stage('unit pinyin', t);
      t = performance.now();
      await between();
      await this.conn.query(CREATE_UNIT_PINYIN);
      const BATCH = 500;
      const packed = insertUnitPinyinPacked(rows);
      if (packed) await this.run(packed);
      else
        for (let i = 0; i < rows.length; i += BATCH)
          await this.run(insertUnitPinyin(rows.slice(i, i + BATCH)));
      stage('unit pinyin insert', t);
      t = performance.now();
      await between();
      await this.runLong(buildUnits());
      stage('units', t);
    } catch (err) {
      // Not while the grid's statement is still running: the next load waits for this build only.
      await coverage.catch(() => undefined);
      throw err;
    }
    marks.early?.();
    await coverage;
    // Nothing but Quality reads the rest: each statement at an idle moment.
    const quiet = marks.quiet ?? between;
    t = performance.now();
    // The units' records in slices of whole units (~0.25 s of DuckDB's worker in one statement,
    // whose last steps took 0.15–0.19 s each when run in the background: slices are shorter).
    const [shape] = await this.run<{ cells: number; years: number }>(coverageShapeSql());
    const step = Math.max(1, shape?.years ?? 1) * COVERAGE_UNITS_SLICE;
    const cells = shape?.cells ?? 0;
    for (let from = 1; from === 1 || from <= cells; from += step) {
      await quiet();
      await this.run(buildCoverageUnits({ from, to: from + step - 1, first: from === 1 }));
    }
    stage('coverage units', t);
  }

  /**
   * Adopt the late tables a dataset ships (./shipped-late.ts), the unit index first (`early`),
   * the grid at the next quiet moment. False when a file's columns are not its table's (then
   * none is adopted) or a statement fails: the caller then builds them all.
   */
  private async adoptShippedLate(shipped: ShippedLate, marks: Partial<LateBuild>): Promise<boolean> {
    const between = marks.between ?? (async () => undefined);
    const staged: string[] = [];
    try {
      // All staged and checked before any is adopted: a bad file leaves no table half shipped.
      for (const t of SHIPPED_LATE) {
        const file = shipped.get(t);
        if (!file) return false;
        await between();
        staged.push(await this.stageAs(t, file.name, file.ipc));
      }
      for (const [i, t] of SHIPPED_LATE.entries()) {
        if (t !== 'units') await (marks.quiet ?? between)();
        await this.conn.query(adoptShippedLateSql(t, staged[i]!));
        staged[i] = '';
        if (t === 'units') marks.early?.();
      }
      return true;
    } catch (err) {
      console.info(`shipped late tables not used: ${errorText(err)}`);
      return false;
    } finally {
      for (const stage of staged) if (stage) await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    }
  }

  /** A long statement of the late build: in the background where the engine can (./background.ts). */
  private async runLong(q: BoundQuery): Promise<void> {
    if (this.extras.runInBackground && q.params.length === 0) await this.extras.runInBackground(q.sql);
    else await this.run(q);
  }

  /** The units' search keys: from the worker if there is one, else (or if it failed) here in slices. */
  private async searchRows(packedFacts: string | null): Promise<UnitPinyinRow[]> {
    if (this.extras.searchRows)
      try {
        return await this.extras.searchRows(packedFacts);
      } catch (err) {
        console.info(`unit search keys computed on the page instead: ${errorText(err)}`);
      }
    // pinyin-pro (~0.25 MB of script) loads only now, off the first chart's path.
    const { pinyin } = await import('pinyin-pro');
    const fold = memoFold();
    return mapInSlices(readUnits(packedFacts), (f) => unitSearchRow(pinyin, f, fold));
  }

  /**
   * The provenance (`src_` columns) of one report's cells. While cells are deferred they are read
   * from the kept file's bytes (./cell-sources.ts), so opening a figure's source never decodes
   * the whole cells table; once inserted, from the table (imports included).
   */
  async cellSources(reportId: string): Promise<CellSourceRow[]> {
    if (this.deferred) {
      // A copy now: inserting the deferred cells (an import's merge) hands the bytes to the codec worker.
      const bytes = this.deferred.bytes.slice();
      const { sourcesFromParquet } = await import('./cell-sources');
      return sourcesFromParquet(bytes, reportId);
    }
    const rows = await this.run<CellSourceRow>(cellSourcesSql(reportId));
    // Only the columns that are set: null ones say nothing about the place.
    return rows.map((r) => {
      const out = Object.create(null) as CellSourceRow;
      for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined) (out as Row)[k] = v;
      return out;
    });
  }

  /** Counts, years and provinces of what is loaded. */
  async summary(): Promise<{
    reports: number;
    cells: number;
    checks: number;
    regions: number;
    units: number;
    /** Reports whose source is 'synthetic' (generated data; the UI shows a banner). */
    synthetic: number;
    years: number[];
    provinces: string[];
  }> {
    const [c] = await this.run<
      Record<string, number> & { years: number[] | null; provinces: string[] | null }
    >({
      // Units are counted by identity (unit_id), never by name: same-named bodies are different units.
      // One pass over reports; sorted with list_sort: list(DISTINCT … ORDER BY …) and a scalar
      // subquery per count made this the slowest statement of the load (~60 ms in the browser,
      // 100–130 ms its first time under Node against 25–45 ms now).
      sql: `SELECT count(*) AS reports, count(DISTINCT ${id('unit_id')}) AS units,
  count(*) FILTER (WHERE ${id('source')} = 'synthetic') AS synthetic,
  list_sort(list(DISTINCT ${id('year')}::INTEGER)) AS years,
  list_sort(list(DISTINCT ${id('province')}) FILTER (WHERE ${id('province')} IS NOT NULL)) AS provinces,
  (SELECT count(*) FROM ${id('cells')}) AS cells, (SELECT count(*) FROM ${id('checks')}) AS checks,
  (SELECT count(*) FROM ${id('regions')}) AS regions
FROM ${id('reports')}`,
      params: [],
    });
    return {
      reports: c?.reports ?? 0,
      cells: this.deferred ? this.deferredRows : (c?.cells ?? 0),
      checks: (c?.checks ?? 0) + this.pendingRows('checks'),
      regions: (c?.regions ?? 0) + this.pendingRows('regions'),
      units: c?.units ?? 0,
      synthetic: c?.synthetic ?? 0,
      years: c?.years ?? [],
      provinces: c?.provinces ?? [],
    };
  }

  /**
   * The merged dataset as the four contract Parquet files (what was loaded plus imports).
   * Encoded by parquet-wasm: DuckDB's COPY … (FORMAT parquet) needs an extension it cannot fetch offline.
   */
  async exportParquet(): Promise<Record<DatasetTable, Uint8Array>> {
    const queryIpc = this.extras.queryIpc;
    if (!queryIpc) throw new Error('export needs a connection that returns Arrow IPC');
    await this.ensureDeferred();
    return exportTables(queryIpc, this.codec);
  }
}

/** Row count of a Parquet file, from its footer alone. */
function footerRows(file: DatasetFile): number {
  const { buffer, byteOffset, byteLength } = file.bytes;
  try {
    return Number(parquetMetadata(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer).num_rows);
  } catch (e) {
    throw new Error(`${file.name}: not a readable Parquet file (${errorText(e)})`);
  }
}

/**
 * Units per statement of the coverage grid's unit records (~30,000 nationwide): ~25–40 ms of
 * DuckDB's worker each, the longest a view's query waits behind one. With 1,000 a slice took
 * 60–100 ms and the first inputs after the load waited that long (median session p95 131 → 113 ms
 * with 400, interleaved A/B).
 */
const COVERAGE_UNITS_SLICE = 400;

/** Main-thread time a slice of `mapInSlices` may take before it lets the page handle input. */
const SLICE_MS = 8;

/**
 * `items.map(fn)`, letting the page handle input every SLICE_MS: pinyin for the nationwide units
 * is ~0.1–0.4 s of main-thread work, run while a person may already be using the page.
 */
async function mapInSlices<T, U>(items: readonly T[], fn: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  const pause = yieldEvery(SLICE_MS);
  for (const item of items) {
    out.push(fn(item));
    const paused = pause();
    if (paused) await paused;
  }
  return out;
}
