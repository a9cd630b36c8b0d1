/**
 * Issue 13 on the engine: same-named units of different regions stay apart in every builder,
 * no (unit_id, year) has two reports, and a dataset written before unit_id loads with the ids a
 * re-ingest would give.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { governmentId } from '../../src/domain/units/identity';
import { unitLabels } from '../../src/domain/units/labels';
import { fetchCompare } from '../../src/queries/compare';
import { coverageCells } from '../../src/queries/coverage';
import { fetchPivot } from '../../src/queries/pivot';
import { fetchQuality } from '../../src/queries/quality';
import { fetchReport } from '../../src/queries/report';
import { fetchTrends } from '../../src/queries/trends';
import { fetchUnitDirectory, fetchUnitSearch } from '../../src/queries/units';
import {
  CELL_SPEC,
  type Fixture,
  loadFixture,
  openTestDb,
  REPORT_SPEC,
  type TestDb,
  toParquet,
} from '../db/harness';
import { type Place, placedReport } from '../db/placed-report';

/** Every cell of the coverage grid, decoded. */
const matrixOf = (q: { units: Parameters<typeof coverageCells>[0][] }) =>
  q.units.flatMap((u) => [...coverageCells(u).values()]);

const NANJING: Place = { code: '320106', name: '鼓楼区', province: '江苏省', prefecture: '南京市' };
const FUZHOU: Place = { code: '350102', name: '鼓楼区', province: '福建省', prefecture: '福州市' };
const report = placedReport;

const PARTS = [
  report('N2021', '鼓楼区人民政府', 'government', NANJING, 2021, 100),
  report('N2022', '南京市鼓楼区人民政府', 'government', NANJING, 2022, 110),
  report('F2021', '鼓楼区人民政府', 'government', FUZHOU, 2021, 7),
  report('F2022', '鼓楼区', 'government', FUZHOU, 2022, 9),
  report('P2021', '公安局', 'department', NANJING, 2021, 3),
  report('Q2021', '公安局', 'department', FUZHOU, 2021, 4),
];
const FIXTURE: Fixture = {
  reports: PARTS.map((p) => p.report),
  cells: PARTS.flatMap((p) => p.cells),
  checks: [],
  regions: [],
};
const GULOU_NJ = governmentId('320106');
const GULOU_FZ = governmentId('350102');

describe('same-named units on the engine', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('no (unit_id, year) has two reports; one name in two regions is two units', async () => {
    const dup = await db.query({
      sql: 'SELECT unit_id, year, count(*) AS n FROM reports GROUP BY ALL HAVING count(*) > 1',
      params: [],
    });
    expect(dup).toEqual([]);
    const byName = await db.query<{ unit: string; n: number }>({
      sql: `SELECT unit, count(DISTINCT unit_id)::INTEGER AS n FROM reports WHERE unit IN ('鼓楼区人民政府', '公安局') GROUP BY unit ORDER BY unit`,
      params: [],
    });
    expect(byName).toEqual([
      { unit: '公安局', n: 2 },
      { unit: '鼓楼区人民政府', n: 2 },
    ]);
  });

  it('compare and trends: each 鼓楼区 with its own figures, across its spellings', async () => {
    const c = await fetchCompare(db, { metric: 't3.new_received', year: 2022, units: [GULOU_NJ, GULOU_FZ] });
    expect(c.rows.map((r) => [r.unitId, r.value])).toEqual([
      [GULOU_NJ, 110],
      [GULOU_FZ, 9],
    ]);
    const t = await fetchTrends(db, {
      metric: 't3.new_received',
      units: [GULOU_NJ, GULOU_FZ],
      mode: 'absolute',
    });
    const series = (id: string) => t.rows.filter((r) => r.unitId === id).map((r) => [r.year, r.value]);
    expect(series(GULOU_NJ)).toEqual([
      [2021, 100],
      [2022, 110],
    ]);
    expect(series(GULOU_FZ)).toEqual([
      [2021, 7],
      [2022, 9],
    ]);
  });

  it('report, pivot and coverage keep them apart', async () => {
    const r = await fetchReport(db, { unitId: GULOU_FZ, year: 2022 });
    expect(r?.report.report_id).toBe('F2022');
    expect(r?.years).toEqual([2021, 2022]);
    const p = await fetchPivot(db, {
      rows: ['unit'],
      cols: ['year'],
      measure: { kind: 'sum' },
      filters: { row: ['new_received'] },
      totals: false,
    });
    const cell = (unitId: string, year: string) =>
      p.cells.find((x) => x.row[0] === unitId && x.col[0] === year)?.value;
    expect(cell(GULOU_NJ, '2021')).toBe(100);
    expect(cell(GULOU_FZ, '2021')).toBe(7);
    expect(p.rowHeaders).toHaveLength(4);
    const q = await fetchQuality(db, {});
    expect(q.units).toHaveLength(4);
    expect(matrixOf(q).filter((m) => m.status !== 'missing')).toHaveLength(6);
  });

  it('search finds both 鼓楼区, labelled apart; a government compares its own departments', async () => {
    const hits = await fetchUnitSearch(db, { text: '鼓楼' });
    // The two governments by name first; their departments after, found by their place.
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.unitId)
        .sort(),
    ).toEqual([GULOU_NJ, GULOU_FZ].sort());
    expect(hits.map((h) => h.rank)).toEqual([0, 0, 4, 4]);
    const labels = unitLabels(await fetchUnitDirectory(db));
    expect(labels.get(GULOU_NJ)?.label).toBe('鼓楼区 · 南京市');
    expect(labels.get(GULOU_FZ)?.label).toBe('鼓楼区 · 福州市');
    const police = FIXTURE.reports.find((x) => x.report_id === 'P2021')!;
    expect(labels.get(police.unit_id)?.label).toBe('公安局 · 鼓楼区 · 南京市');
    const children = await fetchUnitSearch(db, { parentUnitId: GULOU_NJ });
    expect(children.map((h) => h.unitId)).toEqual([police.unit_id]);
    expect(children[0]?.parentName).toBe('鼓楼区');
    const pinyin = await fetchUnitSearch(db, { text: 'gl' });
    expect(pinyin.every((h) => h.rank === 1)).toBe(true);
  });
});

describe('a dataset written before unit_id', () => {
  it('loads, and its units get the ids a re-ingest gives (parents from the region code)', async () => {
    const db = await openTestDb();
    const { unit_id: _u, parent_unit_id: _p, ...oldSpec } = REPORT_SPEC;
    const oldRows = FIXTURE.reports.map(({ unit_id: _a, parent_unit_id: _b, ...rest }) => rest);
    await db.engine.addFile({
      table: 'reports',
      name: 'old/reports.parquet',
      bytes: toParquet(oldRows, oldSpec),
    });
    await db.engine.addFile({
      table: 'cells',
      name: 'old/cells.parquet',
      bytes: toParquet(FIXTURE.cells, CELL_SPEC),
    });
    await db.engine.buildDerived();
    const rows = await db.query<{ report_id: string; unit_id: string; parent_unit_id: string | null }>({
      sql: 'SELECT report_id, unit_id, parent_unit_id FROM reports ORDER BY report_id',
      params: [],
    });
    const want = [...FIXTURE.reports]
      .sort((a, b) => (a.report_id < b.report_id ? -1 : 1))
      .map((r) => ({ report_id: r.report_id, unit_id: r.unit_id, parent_unit_id: r.parent_unit_id }));
    expect(rows).toEqual(want);
  });
});

describe('the dataset summary counts units by identity', () => {
  it('two 公安局 of two regions are two units', async () => {
    const db = await openTestDb();
    const parts = [PARTS[0], PARTS[4], PARTS[5]].map((p) => p!);
    await loadFixture(db, {
      reports: parts.map((p) => p.report),
      cells: parts.flatMap((p) => p.cells),
      checks: [],
      regions: [],
    });
    // By name this would be 2 (鼓楼区人民政府, 公安局): the footer once counted names.
    expect((await db.engine.summary()).units).toBe(3);
  }, 120_000);
});
