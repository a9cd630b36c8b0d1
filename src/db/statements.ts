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

export class Statements {
  constructor(private readonly conn: EngineConnection) {}

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
  async closeAll(): Promise<void> {
    const all = [...this.prepared.values()].filter((stmt) => !this.inUse.has(stmt));
    this.prepared.clear();
    for (const stmt of all) await stmt.close();
  }
}
