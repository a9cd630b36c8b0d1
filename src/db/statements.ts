/**
 * The engine's query surface: a bound query (src/sql/bound.ts) runs with its values bound by
 * DuckDB, never spliced into the text. Statements are prepared once per SQL text and kept.
 */
import type { BoundQuery } from '../sql/bound';
import { toPlainRows } from './plain';
import type { EngineConnection, Row } from './types';

type Prepared = Awaited<ReturnType<EngineConnection['prepare']>>;

/** Enough for every statement shape of the six views with room to spare. */
const PREPARED_CACHE = 48;

/**
 * Where a query's time went, filled in by `Statements.run` when asked (the db:query measure of
 * src/db/handle.ts carries it): preparing a new SQL text (a round trip to the worker, queued
 * behind the statements already sent), running it (queued likewise, then the answer's transfer)
 * and turning the Arrow answer into plain rows on the main thread.
 */
export interface QueryTiming {
  prepareMs: number;
  runMs: number;
  decodeMs: number;
}

export class Statements {
  constructor(private readonly conn: EngineConnection) {}

  /**
   * Prepared statements by SQL text, most recently used last. A view re-runs the same few
   * statements with new values, and each prepare/close is a round trip to the DuckDB worker
   * (3 per query without this cache, 1 with it).
   */
  private readonly prepared = new Map<string, Prepared>();
  private readonly inUse = new Map<Prepared, number>();

  async run<T = Row>(q: BoundQuery, timing?: QueryTiming): Promise<T[]> {
    const decode = (answer: Parameters<typeof toPlainRows>[0], ran: number) => {
      const t = performance.now();
      const rows = toPlainRows(answer) as T[];
      if (timing) {
        timing.runMs = t - ran;
        timing.decodeMs = performance.now() - t;
      }
      return rows;
    };
    if (q.params.length === 0) {
      const ran = performance.now();
      return decode(await this.conn.query(q.sql), ran);
    }
    let stmt = this.prepared.get(q.sql);
    if (stmt) this.prepared.delete(q.sql);
    else {
      const t = performance.now();
      stmt = await this.conn.prepare(q.sql);
      if (timing) timing.prepareMs = performance.now() - t;
    }
    this.prepared.set(q.sql, stmt);
    this.inUse.set(stmt, (this.inUse.get(stmt) ?? 0) + 1);
    try {
      const ran = performance.now();
      return decode(await stmt.query(...q.params), ran);
    } finally {
      this.inUse.set(stmt, this.inUse.get(stmt)! - 1);
      if (this.inUse.get(stmt) === 0) this.inUse.delete(stmt);
      await this.evict();
    }
  }

  /**
   * Prepare the statement of `sql` now, if it is not kept yet: asked at a quiet moment, the
   * question that later runs it skips the prepare (a round trip to the worker, 10–20 ms).
   */
  async prepare(sql: string): Promise<void> {
    if (this.prepared.has(sql)) return;
    const stmt = await this.conn.prepare(sql);
    // A question of the same text prepared its own meanwhile: keep that one.
    if (this.prepared.has(sql)) {
      await stmt.close();
      return;
    }
    this.prepared.set(sql, stmt);
    await this.evict();
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

  /**
   * Statements prepared against tables that are about to be replaced must not be reused: all of
   * them, or (`tables`) those whose text names one of these tables (quoted, as ../sql/schema.ts
   * `id` writes them). Closing the rest too made every view's next question prepare its statement
   * again (15–170 ms each) after the late build inserted checks and regions.
   */
  async closeAll(tables?: readonly string[]): Promise<void> {
    const names = tables?.map((t) => `"${t}"`);
    const reads = (sql: string) => !names || names.some((n) => sql.includes(n));
    const closing = [...this.prepared].filter(([sql, stmt]) => reads(sql) && !this.inUse.has(stmt));
    for (const [sql] of this.prepared) if (reads(sql)) this.prepared.delete(sql);
    for (const [, stmt] of closing) await stmt.close();
  }
}
