/**
 * The one owner of DuckDB: configuration, Parquet loading (decode → Arrow IPC → insert, with
 * schema validation), derived tables, bound queries and export. Runs unchanged on the browser's
 * async connection and on `duckdb-node-blocking` in tests.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { pinyin } from 'pinyin-pro';
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
  SELECT_UNIT_NAMES,
} from '../sql/derived';
import { CONTRACT_TYPES, id, SCHEMA } from '../sql/schema';
import type { DatasetFile } from './decode';
import { decodeFile } from './decode';
import { toPlainRows } from './plain';
import { measure } from './timing';
import type { DatasetTable, EngineConnection, ParquetCodec, Row } from './types';
import { DATASET_TABLES } from './types';

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
    await this.conn.query('SET autoinstall_known_extensions = false');
    await this.conn.query('SET autoload_known_extensions = false');
    for (const table of DATASET_TABLES) {
      const cols = Object.entries(CONTRACT_TYPES[table])
        .map(([c, t]) => `${id(c as never)} ${SQL_TYPE[t]}`)
        .join(', ');
      await this.conn.query(`CREATE TABLE IF NOT EXISTS ${id(table)} (${cols})`);
    }
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
    await this.ensureCells();
    return this.addDecoded(file, ipc);
  }

  /**
   * cells.parquet, kept as bytes while the helper tables came precomputed with the dataset
   * (client.ts checks they belong to it): decoding 5M cells costs ~10 s in the browser, and
   * only export and merging need the table itself.
   */
  private deferred: DatasetFile | null = null;
  private deferredRows = 0;

  /** Throws, naming the file, when the bytes have no readable Parquet footer. */
  deferCells(file: DatasetFile): void {
    this.deferredRows = footerRows(file);
    this.deferred = file;
  }

  /** Decode and insert deferred cells now; a no-op once they are in. */
  async ensureCells(): Promise<void> {
    const file = this.deferred;
    if (!file) return;
    await this.addDecoded(file, await this.decode(file));
    this.deferred = null;
  }

  /**
   * Adopt a precomputed helper table (a dataset's derived/*.parquet). Throws, changing nothing
   * the views read, when its columns are not the ones ./derived.ts builds.
   */
  async addPrecomputed(table: PrecomputedTable, name: string, ipc: Uint8Array): Promise<void> {
    await this.closePrepared();
    const stage = `stage_${table}`;
    await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    try {
      await this.conn.insertArrowFromIPCStream(ipc, { name: stage, create: true });
      const got = toPlainRows(await this.conn.query(`DESCRIBE ${stage}`)).map((r) => String(r.column_name));
      const want: readonly string[] = SCHEMA[table];
      if (got.join() !== want.join())
        throw new Error(`${name}: columns ${got.join(', ')}, expected ${want.join(', ')}`);
      await this.conn.query(`DROP TABLE IF EXISTS ${id(table)}`);
      await this.conn.query(`ALTER TABLE ${stage} RENAME TO ${id(table)}`);
    } finally {
      await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    }
  }

  /** Parquet → Arrow IPC stream; separate from `addDecoded` so loading can decode ahead. */
  decode(file: DatasetFile): Promise<Uint8Array> {
    return decodeFile(this.codec, file);
  }

  /** `addFile` for bytes already decoded by `decode` (or by the same codec elsewhere). */
  async addDecoded(file: Omit<DatasetFile, 'bytes'>, ipc: Uint8Array): Promise<number> {
    await this.closePrepared();
    const stage = `stage_${file.table}`;
    await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    try {
      await this.conn.insertArrowFromIPCStream(ipc, { name: stage, create: true });
    } catch (e) {
      throw new Error(`${file.name}: could not insert the decoded rows (${errorText(e)})`);
    }
    try {
      const described = toPlainRows(await this.conn.query(`DESCRIBE ${stage}`));
      const got = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
      const want = CONTRACT_TYPES[file.table];
      const problems: string[] = [];
      for (const [col, type] of Object.entries(want)) {
        const t = got.get(col);
        if (t === undefined) problems.push(`missing column ${col}`);
        else if (!typeMatches(type, t)) problems.push(`column ${col} is ${t}, expected ${SQL_TYPE[type]}`);
      }
      if (problems.length > 0)
        throw new Error(`${file.name}: wrong schema for ${file.table}: ${problems.join('; ')}`);
      const n = Number(toPlainRows(await this.conn.query(`SELECT count(*) AS n FROM ${stage}`))[0]?.n ?? 0);
      const exact = Object.entries(want).map(([c, t]) => `${c}:${SQL_TYPE[t]}`);
      const staged = described.map((r) => `${r.column_name}:${r.column_type}`);
      if (exact.join() === staged.join() && (await this.isEmpty(file.table))) {
        // First load of this table and already in the contract's shape: adopt the staged rows
        // instead of copying them (at nationwide scale the copy of cells is millions of rows).
        await this.conn.query(`DROP TABLE ${id(file.table)}`);
        await this.conn.query(`ALTER TABLE ${stage} RENAME TO ${id(file.table)}`);
        return n;
      }
      const cols = Object.entries(want).map(([c, t]) => `${id(c as never)}::${SQL_TYPE[t]}`);
      if (file.table === 'regions') {
        await this.conn.query(
          `DELETE FROM ${id('regions')} WHERE ${id('code')} IN (SELECT ${id('code')}::VARCHAR FROM ${stage})`,
        );
      } else {
        await this.conn.query(
          `DELETE FROM ${id(file.table)} WHERE ${id('report_id')} IN (SELECT ${id('report_id')}::VARCHAR FROM ${stage})`,
        );
      }
      await this.conn.query(`INSERT INTO ${id(file.table)} SELECT ${cols.join(', ')} FROM ${stage}`);
      return n;
    } finally {
      await this.conn.query(`DROP TABLE IF EXISTS ${stage}`);
    }
  }

  /** No report, cell or check loaded yet (nor deferred): a dataset's first load. */
  async isEmptyDataset(): Promise<boolean> {
    if (this.deferred) return false;
    for (const t of ['reports', 'cells', 'checks'] as const) if (!(await this.isEmpty(t))) return false;
    return true;
  }

  private async isEmpty(table: DatasetTable): Promise<boolean> {
    const r = toPlainRows(
      await this.conn.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${id(table)} LIMIT 1)`),
    );
    return Number(r[0]?.n ?? 0) === 0;
  }

  /** (Re)build the derived tables of src/sql/derived.ts; call after the last addFile. */
  async buildDerived(): Promise<void> {
    await this.closePrepared();
    let t = performance.now();
    const stage = (name: string) => {
      measure('db:stage', t, { stage: `derived: ${name}` });
      t = performance.now();
    };
    await this.run(buildReportKeys());
    stage('rkeys');
    // With cells deferred, addPrecomputed has put the helper tables in (ranked by the same rkeys).
    if (!this.deferred) for (const t of PRECOMPUTED) await this.run(PRECOMPUTED_BUILDERS[t]());
    for (const view of CREATE_VIEWS) await this.conn.query(view);
    stage('helper tables and views');
    const names = (await this.run<{ unit: string }>({ sql: SELECT_UNIT_NAMES, params: [] })).map(
      (r) => r.unit,
    );
    // The coverage grid builds in DuckDB's worker while pinyin is computed here (~0.1 s each for
    // the nationwide units): two threads instead of one after the other.
    const coverage = this.run(buildCoverage());
    coverage.catch(() => undefined);
    const rows = names.map((u) => [u, ...unitPinyin(u)] as const);
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
    const [c] = await this.run<Record<string, number>>({
      sql: `SELECT (SELECT count(*) FROM ${id('reports')}) AS reports, (SELECT count(*) FROM ${id('cells')}) AS cells,
  (SELECT count(*) FROM ${id('checks')}) AS checks, (SELECT count(*) FROM ${id('regions')}) AS regions,
  (SELECT count(DISTINCT ${id('unit')}) FROM ${id('reports')}) AS units,
  (SELECT count(*) FROM ${id('reports')} WHERE ${id('source')} = 'synthetic') AS synthetic`,
      params: [],
    });
    const years = await this.run<{ year: number }>({
      sql: `SELECT DISTINCT ${id('year')} FROM ${id('reports')} ORDER BY 1`,
      params: [],
    });
    const provinces = await this.run<{ province: string }>({
      sql: `SELECT DISTINCT ${id('province')} FROM ${id('reports')} WHERE ${id('province')} IS NOT NULL ORDER BY 1`,
      params: [],
    });
    return {
      reports: c?.reports ?? 0,
      cells: this.deferred ? this.deferredRows : (c?.cells ?? 0),
      checks: c?.checks ?? 0,
      regions: c?.regions ?? 0,
      units: c?.units ?? 0,
      synthetic: c?.synthetic ?? 0,
      years: years.map((r) => r.year),
      provinces: provinces.map((r) => r.province),
    };
  }

  /**
   * The merged dataset as the four contract Parquet files (what was loaded plus imports).
   * Encoded by parquet-wasm: DuckDB's COPY … (FORMAT parquet) needs an extension it cannot fetch offline.
   */
  async exportParquet(): Promise<Record<DatasetTable, Uint8Array>> {
    if (!this.queryIpc) throw new Error('export needs a connection that returns Arrow IPC');
    await this.ensureCells();
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

/** Full pinyin without tones or spaces, and initials, lower-case: 济源市 → jiyuanshi, jys. */
export function unitPinyin(name: string): [string, string] {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
  return [full.replace(/\s+/g, ''), initials.replace(/\s+/g, '')];
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
