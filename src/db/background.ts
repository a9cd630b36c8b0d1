/**
 * The late build's long statements on a connection of their own, a little at a time: DuckDB-WASM
 * runs a statement sent as a pending query (`send`) in steps of at most the polling interval
 * (POLL_MS, set when the database opens), and its worker takes other messages between two steps.
 * A view's query sent meanwhile on the main connection then waits for one step, not for the
 * statement: the coverage grid's 0.2–0.26 s came in steps of at most ~50 ms, the unit facts'
 * 0.15–0.27 s in two of ~70 ms (an aggregate's last step is not divided). Only statements without
 * bound values can run so: DuckDB-WASM executes prepared statements in one go.
 */

/** The longest step of a background statement (ms): about a frame. */
export const POLL_MS = 10;

/** The part of duckdb-wasm's AsyncDuckDBConnection used here. */
export interface PendingConnection {
  send(sql: string): Promise<AsyncIterable<unknown> | undefined>;
}

/**
 * Runs each statement to its end, one after the other: a connection has one pending query at a
 * time (a second would cancel the first).
 */
export function backgroundRunner(conn: PendingConnection): (sql: string) => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  return (sql) => {
    const run = last.then(async () => {
      const answer = await conn.send(sql);
      if (answer) for await (const _ of answer);
    });
    last = run.catch(() => undefined);
    return run;
  };
}
