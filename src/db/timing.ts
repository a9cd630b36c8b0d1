/**
 * User-timing entries that `npm run bench` (bench/) reads from the page: `db:load` once per
 * dataset load (with its stages) and one `db:query` per query, carrying the SQL and its bound
 * values so the benchmark can replay exactly the same statements on native DuckDB. Cheap enough
 * to leave on: a measure is a few hundred bytes, and the app runs a few queries per interaction.
 */
export function measure(name: string, start: number, detail: Record<string, unknown>): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // Old engines without measure options: timings are a diagnostic, never a failure.
  }
}
