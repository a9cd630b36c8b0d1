/**
 * Report keys (`rkeys.rid`, src/sql/derived.ts) go by year, then report_id: a year's reports get
 * consecutive keys, and the helper tables the CLI writes are in key order, so a statement on one
 * year reads only that year's row groups of them.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DIR, openBundledDb, type TestDb } from '../db/harness';

describe('report keys of the bundled dataset', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openBundledDb();
  }, 120_000);

  it("each year's reports hold consecutive keys, the years in order", async () => {
    const years = await db.query<{ year: number; lo: number; hi: number; n: number }>({
      sql: `SELECT year::INTEGER AS year, min(rid)::INTEGER AS lo, max(rid)::INTEGER AS hi, count(*)::INTEGER AS n
FROM rkeys GROUP BY year ORDER BY year`,
      params: [],
    });
    expect(years.length).toBeGreaterThan(1);
    for (const [i, y] of years.entries()) {
      expect(y.hi - y.lo + 1).toBe(y.n);
      if (i > 0) expect(y.lo).toBe(years[i - 1]!.hi + 1);
    }
  });

  it('the helper tables shipped in derived/ are written in key order', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      for (const t of ['t3n', 't4n', 't2n', 'craw']) {
        const file = path.join(BUNDLED_DIR, 'derived', `${t}.parquet`).replaceAll("'", "''");
        const reader = await conn.runAndReadAll(`
SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE rid < prev)::INTEGER AS back FROM (
  SELECT rid, lag(rid) OVER (ORDER BY file_row_number) AS prev
  FROM read_parquet('${file}', file_row_number = true))`);
        const [n, back] = reader.getRows()[0]!.map(Number);
        expect(n, t).toBeGreaterThan(0);
        expect(back, t).toBe(0);
      }
    } finally {
      conn.closeSync();
    }
  });
});
