/**
 * The same engine code on native DuckDB (@duckdb/node-api): the contract files are read with
 * read_parquet into the engine's tables, `Engine.buildDerived` builds the same helper tables,
 * and bound queries captured in the browser are replayed unchanged.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { PARQUET_FILES } from '../src/dataset/rows';
import { Engine } from '../src/db/engine';
import type { ArrowResult, EngineConnection } from '../src/db/types';
import { DATASET_TABLES } from '../src/db/types';
import type { BoundQuery, SqlValue } from '../src/sql/bound';
import { CONTRACT_TYPES, id, OPTIONAL_COLUMNS } from '../src/sql/schema';

const SQL_TYPE = { text: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE' } as const;

type Reader = Awaited<ReturnType<DuckDBConnection['runAndReadAll']>>;

function asArrowResult(reader: Reader): ArrowResult {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
  return {
    numRows: rows.length,
    schema: { fields: names.map((name, i) => ({ name, type: { toString: () => String(types[i]) } })) },
    toArray: () => rows.map((r) => ({ toJSON: () => r })),
  };
}

/** Whole numbers bind as BIGINT (LIMIT and year comparisons want integers), others as DOUBLE. */
function bindable(values: readonly unknown[]): SqlValue[] {
  return values.map((v) =>
    typeof v === 'number' && Number.isInteger(v) ? (BigInt(v) as never) : (v as SqlValue),
  );
}

class NodeConnection implements EngineConnection {
  constructor(private readonly c: DuckDBConnection) {}
  async query(sql: string): Promise<ArrowResult> {
    return asArrowResult(await this.c.runAndReadAll(sql));
  }
  async prepare(sql: string) {
    const c = this.c;
    return {
      query: async (...params: unknown[]) =>
        asArrowResult(await c.runAndReadAll(sql, bindable(params) as never)),
      close: async () => undefined,
    };
  }
  insertArrowFromIPCStream(): never {
    throw new Error('native bench loads Parquet with read_parquet');
  }
}

export interface NativeDb {
  loadMs: number;
  count(table: 'cells' | 'reports'): Promise<number>;
  /** Run a bound query `repeat` times; ms per run, rows read into JS objects like the app does. */
  time(q: BoundQuery, repeat: number): Promise<number[]>;
  /** A bound query's rows (e.g. an EXPLAIN ANALYZE's plan, when a statement is being studied). */
  rows(q: BoundQuery): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** threads 0 = DuckDB's default (all cores): the engine's own limit on this machine. */
export async function openNative(datasetDir: string, threads: number): Promise<NativeDb> {
  const instance = await DuckDBInstance.create(':memory:', threads > 0 ? { threads: String(threads) } : {});
  const conn = await instance.connect();
  const nc = new NodeConnection(conn);
  const started = performance.now();
  const engine = new Engine(nc, { decode: () => new Uint8Array(), encode: () => new Uint8Array() });
  await engine.init();
  for (const table of DATASET_TABLES) {
    const path = `${datasetDir}/${PARQUET_FILES[table]}`.replaceAll("'", "''");
    // Optional contract columns (cells' src_ places; synthetic data has none) read as NULL when absent.
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    const present = new Set(described.getRows().map((r) => String(r[0])));
    const optional = new Set(OPTIONAL_COLUMNS[table] ?? []);
    const cols = Object.entries(CONTRACT_TYPES[table]).map(([c, t]) =>
      !present.has(c) && optional.has(c)
        ? `NULL::${SQL_TYPE[t]} AS ${id(c as never)}`
        : `${id(c as never)}::${SQL_TYPE[t]}`,
    );
    await conn.run(`INSERT INTO ${id(table)} SELECT ${cols.join(', ')} FROM read_parquet('${path}')`);
  }
  await engine.buildDerived();
  const loadMs = performance.now() - started;
  return {
    loadMs,
    async count(table) {
      const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${id(table)}`);
      return Number(r.getRows()[0]?.[0] ?? 0);
    },
    async time(q, repeat) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        await engine.run(q);
        times.push(performance.now() - t);
      }
      return times;
    },
    rows: (q) => engine.run(q),
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
