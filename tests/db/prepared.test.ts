import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture';
import { CELL_SPEC, CHECK_SPEC, loadFixture, openTestDb, type TestDb, toParquet } from './harness';

describe('Engine prepared-statement cache', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('stays correct past its size (statements evicted and prepared again)', async () => {
    for (let i = 0; i < 60; i++) {
      const rows = await db.query<{ v: number }>({ sql: `SELECT $1::INTEGER + ${i} AS v`, params: [1] });
      expect(rows).toEqual([{ v: 1 + i }]);
    }
    const again = await db.query<{ v: number }>({ sql: 'SELECT $1::INTEGER + 0 AS v', params: [41] });
    expect(again).toEqual([{ v: 41 }]);
  });

  it('sees rows added after a statement was cached', async () => {
    const q = { sql: 'SELECT count(*)::INTEGER AS n FROM cells WHERE report_id = $1', params: ['EXTRA'] };
    expect(await db.query(q)).toEqual([{ n: 0 }]);
    const extra = [
      { report_id: 'EXTRA', table: 'table2', row: 'regulations', col: 'newly_made', value: 1, raw: null },
    ];
    await db.engine.addFile({ table: 'cells', name: 'extra.parquet', bytes: toParquet(extra, CELL_SPEC) });
    expect(await db.query(q)).toEqual([{ n: 1 }]);
  });

  it("says where a query's time went: a new text is prepared once, then only run and decoded", async () => {
    const q = { sql: 'SELECT unit_id FROM reports WHERE year = $1 -- timing', params: [2021] };
    const first = { prepareMs: 0, runMs: 0, decodeMs: 0 };
    const rows = await db.engine.run(q, first);
    expect(rows.length).toBeGreaterThan(0);
    expect(first.prepareMs).toBeGreaterThan(0);
    expect(first.runMs).toBeGreaterThan(0);
    const again = { prepareMs: 0, runMs: 0, decodeMs: 0 };
    expect(await db.engine.run(q, again)).toEqual(rows);
    expect(again.prepareMs).toBe(0);
    expect(again.runMs).toBeGreaterThan(0);
  });

  it('a statement prepared ahead (values aside) is run without a prepare, whatever the values', async () => {
    const sql = 'SELECT count(*)::INTEGER AS n FROM reports WHERE year = $1 -- ahead';
    await db.engine.prepare({ sql, params: [0] });
    await db.engine.prepare({ sql, params: [1] });
    const t = { prepareMs: 0, runMs: 0, decodeMs: 0 };
    const rows = await db.engine.run<{ n: number }>({ sql, params: [2021] }, t);
    expect(t.prepareMs).toBe(0);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('keeps the statements that do not read the table a file replaces, and prepares anew those that do', async () => {
    const other = { sql: 'SELECT count(*)::INTEGER AS n FROM reports WHERE year >= $1 -- kept', params: [0] };
    const reading = {
      sql: 'SELECT count(*)::INTEGER AS n FROM "checks" WHERE report_id <> $1 -- reads',
      params: [''],
    };
    await db.engine.run(other);
    const before = (await db.engine.run<{ n: number }>(reading))[0]!.n;
    const extra = [
      { report_id: 'A2021', rule: 'x.extra', location: 'here', expected: 1, actual: 2, message: 'extra' },
    ];
    await db.engine.addFile({
      table: 'checks',
      name: 'extra-checks.parquet',
      bytes: toParquet(extra, CHECK_SPEC),
    });
    const t1 = { prepareMs: 0, runMs: 0, decodeMs: 0 };
    await db.engine.run(other, t1);
    expect(t1.prepareMs).toBe(0);
    const t2 = { prepareMs: 0, runMs: 0, decodeMs: 0 };
    expect(await db.engine.run(reading, t2)).toEqual([{ n: before + 1 }]);
    expect(t2.prepareMs).toBeGreaterThan(0);
  });
});
