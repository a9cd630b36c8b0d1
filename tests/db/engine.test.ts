import { DateDay, Int32, Int64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import * as pq from 'parquet-wasm/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { CREATE_UNIT_PINYIN, insertUnitPinyinPacked } from '../../src/sql/derived';
import { FIXTURE, HOSTILE_UNIT } from './fixture';
import {
  CELL_SPEC,
  fixtureFiles,
  loadFixture,
  nodeCodec,
  openTestDb,
  type TestDb,
  toParquet,
} from './harness';

describe('Engine', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('loads the four files and builds the derived tables', async () => {
    const s = await db.engine.summary();
    expect(s).toMatchObject({ reports: 5, cells: FIXTURE.cells.length, checks: 2, regions: 4, units: 3 });
    expect(s.years).toEqual([2019, 2021, 2022]);
    expect(s.provinces).toEqual(['江苏省', '河南省']);
    const [t3] = await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM t3x', params: [] });
    expect(t3?.n).toBe(10 + 12 + 5 + 4 + 3);
  });

  it('returns numbers, not BigInt, and lists as arrays', async () => {
    const rows = await db.query<{ n: number; years: number[] }>({
      sql: 'SELECT count(*) AS n, [2019, 2021] AS years FROM reports',
      params: [],
    });
    expect(rows).toEqual([{ n: 5, years: [2019, 2021] }]);
  });

  it('keeps blank apart from zero and raw text as printed', async () => {
    const rows = await db.query({
      sql: `SELECT value, raw FROM cells WHERE report_id = $1 AND "row" = $2`,
      params: ['A2021', 'withheld_state_secret'],
    });
    expect(rows).toEqual([{ value: null, raw: '/' }]);
  });

  it('indexes units by unit_id with the pinyin of their short name', async () => {
    const rows = await db.query({
      sql: 'SELECT unit, short, pinyin, initials, years, search FROM units WHERE unit = $1',
      params: ['济源市人民政府'],
    });
    expect(rows).toEqual([
      {
        unit: '济源市人民政府',
        short: '济源市',
        pinyin: 'jiyuanshi',
        initials: 'jys',
        years: [2019, 2021],
        search: '济源市|济源市人民政府',
      },
    ]);
  });

  it('builds the late tables in steps: the unit index first (early), the grid after, the same tables either way', async () => {
    const snapshot = async () =>
      Promise.all(
        ['units', 'unit_pinyin', 'coverage', 'coverage_units'].map((t) =>
          db.query({ sql: `SELECT * FROM ${t} ORDER BY ALL`, params: [] }),
        ),
      );
    const before = await snapshot();
    // Dropped, so a mark given before they are rebuilt would find them missing.
    await db.query({ sql: 'DROP TABLE units; DROP TABLE coverage_units', params: [] });
    const log: string[] = [];
    let atEarly: Promise<unknown[]> | null = null;
    await db.engine.buildLate({
      between: async () => void log.push('between'),
      early: () => {
        log.push('early');
        // Asked at the mark: the unit index is complete, the grid's unit records not rebuilt yet.
        atEarly = Promise.all([
          db.query({ sql: 'SELECT * FROM units ORDER BY ALL', params: [] }),
          db.query({ sql: 'SELECT count(*) AS n FROM coverage_units', params: [] }).then(
            () => 'coverage_units is in',
            () => 'coverage_units is not in yet',
          ),
        ]);
      },
    });
    expect(log.filter((e) => e === 'early')).toHaveLength(1);
    // Before the grid, the pinyin insert, the units and the grid's unit records.
    expect(log.filter((e) => e === 'between').length).toBeGreaterThanOrEqual(4);
    expect(log.at(-1)).toBe('between');
    const [unitsAtEarly, gridAtEarly] = (await atEarly!) as [unknown[], string];
    expect(unitsAtEarly).toEqual(before[0]);
    expect(gridAtEarly).toBe('coverage_units is not in yet');
    expect(await snapshot()).toEqual(before);
  });

  it('stores a hostile unit name as data', async () => {
    const rows = await db.query({
      sql: 'SELECT report_id FROM reports WHERE unit = $1',
      params: [HOSTILE_UNIT],
    });
    expect(rows).toEqual([{ report_id: 'C2021' }]);
  });

  it('replaces a re-imported report instead of duplicating it', async () => {
    const again = FIXTURE.cells.filter((c) => c.report_id === 'B2022');
    await db.engine.addFile({ table: 'cells', name: 'again.parquet', bytes: toParquet(again, CELL_SPEC) });
    const [n] = await db.query<{ n: number }>({
      sql: `SELECT count(*) AS n FROM cells WHERE report_id = 'B2022'`,
      params: [],
    });
    expect(n?.n).toBe(again.length);
  });

  it('keeps the reports a merge would replace when one of its rows cannot be stored', async () => {
    // year as BIGINT passes the schema check, and 10^10 then fails the cast to INTEGER.
    const [a] = FIXTURE.reports;
    const cols = Object.fromEntries(
      Object.entries(a!).map(([k, v]) => [
        k,
        k === 'year'
          ? vectorFromArray([10_000_000_000n], new Int64())
          : vectorFromArray([v], typeof v === 'number' ? new Int32() : new Utf8()),
      ]),
    );
    const bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(new Table(cols), 'stream')));
    const count = async () =>
      (
        await db.query<{ n: number }>({
          sql: 'SELECT count(*)::INTEGER AS n FROM reports WHERE report_id = $1',
          params: [a!.report_id],
        })
      )[0]?.n;
    expect(await count()).toBe(1);
    await expect(db.engine.addFile({ table: 'reports', name: 'far.parquet', bytes })).rejects.toThrow(
      /^far\.parquet: could not add its rows/,
    );
    expect(await count()).toBe(1);
  });

  it('names the file when bytes are not Parquet', async () => {
    await expect(
      db.engine.addFile({
        table: 'cells',
        name: 'cells.parquet',
        bytes: new TextEncoder().encode('not parquet'),
      }),
    ).rejects.toThrow(/^cells\.parquet: not a readable Parquet file/);
  });

  it('names the file when it is truncated', async () => {
    const bytes = toParquet(FIXTURE.cells, CELL_SPEC);
    await expect(
      db.engine.addFile({ table: 'cells', name: 'cut.parquet', bytes: bytes.slice(0, bytes.length / 2) }),
    ).rejects.toThrow(/^cut\.parquet: not a readable Parquet file/);
  });

  it('rejects a file with a missing column or a wrong type', async () => {
    const bytes = toParquet(
      FIXTURE.cells.map(({ raw: _raw, ...c }) => ({ ...c, value: String(c.value) })),
      { report_id: 'text', table: 'text', row: 'text', col: 'text', value: 'text' },
    );
    await expect(db.engine.addFile({ table: 'cells', name: 'bad.parquet', bytes })).rejects.toThrow(
      'bad.parquet: wrong schema for cells: column value is VARCHAR, expected DOUBLE; missing column raw',
    );
  });

  it('exports the merged dataset as Parquet that reads back', async () => {
    const out = await db.engine.exportParquet();
    const back = await openTestDb();
    for (const table of ['reports', 'cells', 'checks', 'regions'] as const) {
      await back.engine.addFile({ table, name: `${table}.parquet`, bytes: out[table] });
    }
    const a = await db.engine.summary();
    const b = await back.engine.summary();
    expect({ ...b }).toEqual({ ...a });
    expect((await nodeCodec.decode(out.cells)).length).toBeGreaterThan(0);
  });
});

describe('unit pinyin in one statement', () => {
  it('round-trips names holding the first separator, and gives up only when none is free', async () => {
    const db = await openTestDb();
    await db.conn.query(CREATE_UNIT_PINYIN);
    const rows = [
      ['u1', '济源市', 'jiyuanshi', 'jys', '济源市|济源市人民政府', '河南省|济源市'],
      ['u2', 'a\u001fb局', 'a\u001fbju', 'abj', 'a\u001fb局', ''],
      ['u3', '', '', '', '', ''],
      ['u4', HOSTILE_UNIT, 'x', 'y', HOSTILE_UNIT, '|'],
    ] as const;
    const q = insertUnitPinyinPacked(rows);
    expect(q?.params).toHaveLength(7);
    await db.query(q!);
    const back = await db.query({
      sql: 'SELECT unit_id, short, pinyin, initials, search, place FROM unit_pinyin',
      params: [],
    });
    expect(back.map((r) => Object.values(r))).toEqual(rows.map((r) => [...r]));
    const everySeparator = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
    expect(insertUnitPinyinPacked([[everySeparator, '', '', '', '', '']])).toBeNull();
  });
});

describe('Engine, tables kept to insert after the first chart', () => {
  it('counts kept rows in the summary, inserts them on insertKept, and before a merge', async () => {
    const db = await openTestDb();
    const files = fixtureFiles(FIXTURE);
    for (const f of files) {
      if (f.table === 'checks' || f.table === 'regions')
        db.engine.deferInsert({ table: f.table, name: f.name }, await nodeCodec.decode(f.bytes));
      else await db.engine.addFile(f);
    }
    await db.engine.buildCore();
    const count = async (t: string) =>
      (await db.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${t}`, params: [] }))[0]!.n;
    expect(await count('checks')).toBe(0);
    expect(await db.engine.summary()).toMatchObject({ checks: 2, regions: 4, reports: 5 });
    await db.engine.insertKept();
    expect([await count('checks'), await count('regions')]).toEqual([2, 4]);
    expect(await db.engine.summary()).toMatchObject({ checks: 2, regions: 4 });
    await db.engine.ensureDeferred(); // a no-op for them once in
    expect(await count('checks')).toBe(2);

    // The kept tables go in without the deferred cells, which only export and merges decode.
    const lazy = await openTestDb();
    await lazy.engine.addFile(files.find((f) => f.table === 'reports')!);
    lazy.engine.deferCells(files.find((f) => f.table === 'cells')!);
    const kept = files.find((f) => f.table === 'checks')!;
    lazy.engine.deferInsert({ table: 'checks', name: kept.name }, await nodeCodec.decode(kept.bytes));
    await lazy.engine.insertKept();
    const lazyCount = async (t: string) =>
      (await lazy.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${t}`, params: [] }))[0]!.n;
    expect([await lazyCount('checks'), await lazyCount('cells')]).toEqual([2, 0]);
    expect((await lazy.engine.summary()).cells).toBe(FIXTURE.cells.length);

    // A kept table is checked when kept: a wrong one is named at load, not in the late build.
    const fresh = await openTestDb();
    const wrong = tableToIPC(new Table({ report_id: vectorFromArray(['A2021'], new Utf8()) }), 'stream');
    expect(() => fresh.engine.deferInsert({ table: 'checks', name: 'bad-checks.parquet' }, wrong)).toThrow(
      /bad-checks\.parquet: wrong schema for checks: missing column rule/,
    );
    const dated = tableToIPC(
      new Table({ report_id: vectorFromArray([new Date(0)], new DateDay()) }),
      'stream',
    );
    expect(fresh.engine.deferInsert({ table: 'checks', name: 'dated.parquet' }, dated)).toBe(false);
    expect((await fresh.engine.summary()).checks).toBe(0);

    const merged = await openTestDb();
    const checks = files.find((f) => f.table === 'checks')!;
    merged.engine.deferInsert({ table: 'checks', name: checks.name }, await nodeCodec.decode(checks.bytes));
    await merged.engine.addFile(files.find((f) => f.table === 'reports')!);
    const [n] = await merged.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM checks', params: [] });
    expect(n?.n).toBe(2);
  }, 60_000);
});
