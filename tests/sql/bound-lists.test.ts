/**
 * IN lists are bound padded to a power of two (src/sql/bound.ts `Binder.list`): lists of similar
 * length share one SQL text (one prepared statement), and the padding never changes what matches.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Binder } from '../../src/sql/bound';
import { inList } from '../../src/sql/filters';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

const inReports = (ids: readonly string[], negate = false) => {
  const b = new Binder();
  const cond = inList(b, 'report_id', ids)!;
  return b.done(
    `SELECT "report_id" FROM "reports" WHERE ${negate ? `NOT (${cond})` : cond} ORDER BY "report_id"`,
  );
};

describe('bound IN lists', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('give one SQL text for lists of 5 to 8 values, another for 9', () => {
    const texts = [5, 6, 7, 8].map((n) => inReports(Array.from({ length: n }, (_, i) => `r${i}`)).sql);
    expect(new Set(texts).size).toBe(1);
    expect(inReports(Array.from({ length: 9 }, (_, i) => `r${i}`)).sql).not.toBe(texts[0]);
    expect(inReports(['a']).params).toEqual(['a']);
    expect(inReports(['a', 'b', 'c']).params).toEqual(['a', 'b', 'c', 'c']);
  });

  it('match exactly the listed values, for every length, with NOT IN too', async () => {
    const all = [...new Set(FIXTURE.reports.map((r) => r.report_id))].sort();
    expect(all.length).toBeGreaterThan(4);
    for (let n = 1; n <= all.length; n++) {
      const some = all.filter((_, i) => i % 2 === 0 || i < n).slice(0, n);
      const got = await db.query<{ report_id: string }>(inReports(some));
      expect(got.map((r) => r.report_id)).toEqual([...some].sort());
      const rest = await db.query<{ report_id: string }>(inReports(some, true));
      expect(rest.map((r) => r.report_id)).toEqual(all.filter((id) => !some.includes(id)));
    }
  });
});
