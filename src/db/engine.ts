/**
 * The one owner of DuckDB: configuration, Parquet loading (decode → Arrow IPC → insert, with
 * schema validation), derived tables, bound queries and export. Runs unchanged on the browser's
 * async connection and on `duckdb-node-blocking` in tests.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { foldName } from '../domain/units/fold';
import { shortName, type UnitInfo } from '../domain/units/labels';
import type { BoundQuery } from '../sql/bound';
import {
  buildCoverage,
  buildReportKeys,
  buildUnits,
  CREATE_UNIT_PINYIN,
  CREATE_VIEWS,
  insertUnitPinyin,
  insertUnitPinyinPacked,
  PRECOMPUTED,
  PRECOMPUTED_BUILDERS,
  type PrecomputedTable,
  SELECT_UNIT_FACTS,
  type UnitPinyinRow,
} from '../sql/derived';
import { type CellSourceRow, cellSourcesSql } from '../sql/report';
import { CONTRACT_TYPES, id, OPTIONAL_COLUMNS, SCHEMA } from '../sql/schema';
import { describeIpc, type StagedColumns } from './arrow-schema';
import type { DatasetFile } from './decode';
import { decodeFile } from './decode';
import { toPlainRows } from './plain';
import { measure } from './timing';
import type { DatasetTable, EngineConnection, ParquetCodec, Row } from './types';
import { DATASET_TABLES } from './types';
import { fillUnitIds } from './unit-ids';
import { type MergeConflict, UnitMerges } from './unit-merges';

type Prepared = Awaited<ReturnType<EngineConnection['prepare']>>;

/** Enough for every statement shape of the six views with room to spare. */
const PREPARED_CACHE = 48;

export type { DatasetFile } from './decode';

const SQL_TYPE = { text: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE' } as const;

function typeMatches(want: 'text' | 'int' | 'float', got: string): boolean {
  const t = got.toUpperCase();
  if (want === 'text') return t === 'VARCHAR' || t === 'NULL';
  const integer = /^(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|HUGEINT)$/.test(t);
  if (want === 'int') return integer || t === 'NULL';
  return integer || t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL') || t === 'NULL';
}

export class Engine {
  constructor(
    private readonly conn: EngineConnection,
    private readonly codec: ParquetCodec,
    /** Runs SQL and returns the result as an Arrow IPC stream (duckdb-wasm's `runQuery`); used by export. */
    private readonly queryIpc?: (sql: string) => Uint8Array | Promise<Uint8Array>,
  ) {}

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
   * Prepared statements by SQL text, most recently used last. A view re-runs the same few
   * statements with new values, and each prepare/close is a round trip to the DuckDB worker
   * (3 per query without this cache, 1 with it).
   */
  private readonly prepared = new Map<string, Prepared>();
  private readonly inUse = new Map<Prepared, number>();

  async run<T = Row>(q: BoundQuery): Promise<T[]> {
    if (q.params.length === 0) return toPlainRows(await this.conn.query(q.sql)) as T[];
    let stmt = this.prepared.get(q.sql);
    if (stmt) this.prepared.delete(q.sql);
    else stmt = await this.conn.prepare(q.sql);
    this.prepared.set(q.sql, stmt);
    this.inUse.set(stmt, (this.inUse.get(stmt) ?? 0) + 1);
    try {
      return toPlainRows(await stmt.query(...q.params)) as T[];
    } finally {
      this.inUse.set(stmt, this.inUse.get(stmt)! - 1);
      if (this.inUse.get(stmt) === 0) this.inUse.delete(stmt);
      await this.evict();
    }
  }

  /** Close the least recently used statements beyond the cache size (never one still running). */
  private async evict(): Promise<void> {
    for (const [sql, stmt] of this.prepared) {
      if (this.prepared.size <= PREPARED_CACHE) return;
      if (this.inUse.has(stmt)) continue;
      this.prepared.delete(sql);
      await stmt.close();
    }
  }

  /** Statements prepared against tables that are about to be replaced must not be reused. */
  private async closePrepared(): Promise<void> {
    const all = [...this.prepared.values()].filter((stmt) => !this.inUse.has(stmt));
    this.prepared.clear();
    for (const stmt of all) await stmt.close();
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
    const stage = await this.stage(ipc, name);
    let adopted = false;
    try {
      const got = (await this.described(stage, ipc)).columns.map((c) => c.name);
      const want: readonly string[] = SCHEMA[table];
      if (got.join() !== want.join())
        throw new Error(`${name}: columns ${got.join(', ')}, expected ${want.join(', ')}`);
      await this.conn.query(
        `DROP TABLE IF EXISTS ${id(table)}; ALTER TABLE ${stage} RENAME TO ${id(table)};`,
      );
      adopted = true;
    } finally {
      if (!adopted) await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    }
  }

  /**
   * Insert decoded rows into a new staging table and return its name. Each load step is a round
   * trip to the DuckDB worker (~10 ms in the browser), so the steps below are few and batched.
   */
  private async stage(ipc: Uint8Array, fileName: string): Promise<string> {
    const stage = `stage_${++this.stages}`;
    try {
      await this.conn.insertArrowFromIPCStream(ipc, { name: stage, create: true });
    } catch (e) {
      throw new Error(`${fileName}: could not insert the decoded rows (${errorText(e)})`);
    }
    return stage;
  }
  private stages = 0;

  /**
   * A staging table's columns in order, with its row count: read from the IPC stream it was made
   * of (./arrow-schema.ts) when that is certain, else from DuckDB (one query).
   */
  private async described(stage: string, ipc: Uint8Array): Promise<StagedColumns> {
    const known = describeIpc(ipc);
    if (known) return known;
    const rows = toPlainRows(
      // DESCRIBE, not duckdb_columns(): the first duckdb_columns() call took ~150 ms in the browser.
      await this.conn.query(`SELECT column_name AS name, column_type AS type, (SELECT count(*) FROM ${stage}) AS rows
FROM (DESCRIBE ${stage})`),
    );
    return {
      columns: rows.map((r) => ({ name: String(r.name), type: String(r.type) })),
      rows: Number(rows[0]?.rows ?? 0),
    };
  }

  /** Parquet → Arrow IPC stream; separate from `addDecoded` so loading can decode ahead. */
  decode(file: DatasetFile): Promise<Uint8Array> {
    return decodeFile(this.codec, file);
  }

  /** `addFile` for bytes already decoded by `decode` (or by the same codec elsewhere). */
  async addDecoded(file: Omit<DatasetFile, 'bytes'>, ipc: Uint8Array): Promise<number> {
    await this.closePrepared();
    this.added = true;
    const stage = await this.stage(ipc, file.name);
    let adopted = false;
    try {
      const [{ columns: described, rows: n }, empty] = await Promise.all([
        this.described(stage, ipc),
        this.isEmpty(file.table),
      ]);
      checkSchema(file, described);
      const want = CONTRACT_TYPES[file.table];
      const exact = Object.entries(want).map(([c, t]) => `${c}:${SQL_TYPE[t]}`);
      const staged = described.map((c) => `${c.name}:${c.type}`);
      const have = new Set(described.map((c) => c.name));
      // Optional columns the file lacks, when they are the contract's last ones (cells without
      // the `src_` provenance columns): added empty after adopting, no copy of the rows.
      const lacking = Object.keys(want).filter((c) => !have.has(c));
      const kept = exact.length - lacking.length;
      const adoptable =
        exact.slice(0, kept).join() === staged.join() &&
        Object.keys(want)
          .slice(kept)
          .every((c) => (OPTIONAL_COLUMNS[file.table] ?? []).includes(c) && !have.has(c));
      if (adoptable && empty) {
        // First load of this table and already in the contract's shape: adopt the staged rows
        // instead of copying them (at nationwide scale the copy of cells is millions of rows).
        const add = lacking.map(
          (c) => `ALTER TABLE ${id(file.table)} ADD COLUMN ${id(c as never)} ${SQL_TYPE[want[c]!]};`,
        );
        await this.conn.query(
          `DROP TABLE ${id(file.table)}; ALTER TABLE ${stage} RENAME TO ${id(file.table)};${add.join('')}`,
        );
        adopted = true;
        return n;
      }
      // A column the file may lack (OPTIONAL_COLUMNS) goes in as NULL and is filled in below.
      const cols = Object.entries(want).map(([c, t]) =>
        have.has(c) ? `${id(c as never)}::${SQL_TYPE[t]}` : `NULL::${SQL_TYPE[t]} AS ${id(c as never)}`,
      );
      const key = file.table === 'regions' ? id('code') : id('report_id');
      // One transaction: a row that fails its cast (an out-of-range year) must not leave the
      // replaced reports deleted.
      try {
        await this.conn.query(
          `BEGIN TRANSACTION;
DELETE FROM ${id(file.table)} WHERE ${key} IN (SELECT ${key}::VARCHAR FROM ${stage});
INSERT INTO ${id(file.table)} SELECT ${cols.join(', ')} FROM ${stage};
COMMIT;`,
        );
      } catch (e) {
        try {
          await this.conn.query('ROLLBACK');
        } catch {
          // no transaction left open: nothing to undo
        }
        throw new Error(`${file.name}: could not add its rows (${errorText(e)})`);
      }
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

  private async isEmpty(table: DatasetTable): Promise<boolean> {
    const r = toPlainRows(
      await this.conn.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${id(table)} LIMIT 1)`),
    );
    return Number(r[0]?.n ?? 0) === 0;
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
   * queries (./late.ts), since the first chart reads neither.
   */
  async buildLate(): Promise<void> {
    let t = performance.now();
    const stage = (name: string) => {
      measure('db:stage', t, { stage: `derived (late): ${name}` });
      t = performance.now();
    };
    // pinyin-pro (~0.25 MB of script) loads only now, off the first chart's path.
    const pinyinPro = import('pinyin-pro');
    pinyinPro.catch(() => undefined);
    const facts = await this.run<UnitInfo & { names: string[] | null }>({
      sql: SELECT_UNIT_FACTS,
      params: [],
    });
    // The coverage grid builds in DuckDB's worker while pinyin is computed here (~0.1 s each for
    // the nationwide units): two threads instead of one after the other.
    const coverage = this.run(buildCoverage());
    coverage.catch(() => undefined);
    const { pinyin } = await pinyinPro;
    const rows = facts.map((f) => unitSearchRow(pinyin, f));
    await coverage;
    stage('coverage ∥ pinyin');
    await this.conn.query(CREATE_UNIT_PINYIN);
    const BATCH = 500;
    const packed = insertUnitPinyinPacked(rows);
    if (packed) await this.run(packed);
    else
      for (let i = 0; i < rows.length; i += BATCH) await this.run(insertUnitPinyin(rows.slice(i, i + BATCH)));
    stage('unit pinyin insert');
    await this.run(buildUnits());
    stage('units');
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
    if (!this.queryIpc) throw new Error('export needs a connection that returns Arrow IPC');
    await this.ensureDeferred();
    const out = {} as Record<DatasetTable, Uint8Array>;
    for (const table of DATASET_TABLES) {
      const cols = Object.keys(CONTRACT_TYPES[table]).map((c) => id(c as never));
      const order = table === 'regions' ? id('code') : id('report_id');
      const ipc = await this.queryIpc(`SELECT ${cols.join(', ')} FROM ${id(table)} ORDER BY ${order}`);
      out[table] = await this.codec.encode(fileToStream(ipc));
    }
    return out;
  }
}

/** Throws, naming the file, when staged columns miss or mistype one of its table's contract columns. */
function checkSchema(file: Omit<DatasetFile, 'bytes'>, columns: { name: string; type: string }[]): void {
  const got = new Map(columns.map((c) => [c.name, c.type]));
  const problems: string[] = [];
  const optional = OPTIONAL_COLUMNS[file.table] ?? [];
  for (const [col, type] of Object.entries(CONTRACT_TYPES[file.table])) {
    const t = got.get(col);
    if (t === undefined && optional.includes(col)) continue;
    if (t === undefined) problems.push(`missing column ${col}`);
    else if (!typeMatches(type, t)) problems.push(`column ${col} is ${t}, expected ${SQL_TYPE[type]}`);
  }
  if (problems.length > 0)
    throw new Error(`${file.name}: wrong schema for ${file.table}: ${problems.join('; ')}`);
}

type Pinyin = typeof import('pinyin-pro')['pinyin'];

/** Full pinyin without tones or spaces, and initials, lower-case: 济源市 → jiyuanshi, jys. */
function unitPinyin(pinyin: Pinyin, name: string): [string, string] {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
  return [full.replace(/\s+/g, ''), initials.replace(/\s+/g, '')];
}

/**
 * A unit's search keys: pinyin of its short name (洪泽区, not 淮安市洪泽区人民政府), its printed
 * names folded (an OCR slip 沐阳县 and the region's 沭阳县 fold alike, ../domain/units/fold.ts),
 * and its places folded (迁安 finds 大五里镇 of 迁安市).
 */
function unitSearchRow(pinyin: Pinyin, f: UnitInfo & { names: string[] | null }): UnitPinyinRow {
  const short = shortName(f);
  const [full, initials] = unitPinyin(pinyin, short);
  const names = [...new Set([short, ...(f.names ?? [f.unit])].map((n) => foldName(n).toLowerCase()))];
  const places = [f.province, f.prefecture, f.county, f.regionName].filter((p): p is string => !!p);
  return [f.unitId, short, full, initials, names.join('|'), places.map((p) => foldName(p)).join('|')];
}

/** duckdb-wasm's runQuery returns the Arrow IPC *file* format; parquet-wasm reads the stream format. */
function fileToStream(ipc: Uint8Array): Uint8Array {
  return tableToIPC(tableFromIPC(ipc), 'stream');
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

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
