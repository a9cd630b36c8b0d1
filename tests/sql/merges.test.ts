/**
 * Units merged in the browser, on the engine: the mapping rewrites reports' unit ids so every
 * builder shows one unit with both units' years; undo restores the loaded ids; later imports and
 * removals keep the mapping; the facts a merge is judged on come from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMerge, type MergeCandidate, mergePairs, type UnitMerge } from '../../src/domain/units/merges';
import { fetchCompare } from '../../src/queries/compare';
import { fetchPivot } from '../../src/queries/pivot';
import { fetchQuality } from '../../src/queries/quality';
import { fetchReport } from '../../src/queries/report';
import { fetchTrends } from '../../src/queries/trends';
import { fetchUnitDirectory, fetchUnitSearch } from '../../src/queries/units';
import { mergeCandidatesSql } from '../../src/sql/merges';
import { CELL_SPEC, loadFixture, openTestDb, REPORT_SPEC, type TestDb, toParquet } from '../db/harness';
import { type Place, placedReport } from '../db/placed-report';

const PINGTAN: Place = { code: '350128', name: '平潭县', province: '福建省', prefecture: '福州市' };
const FUQING: Place = { code: '350181', name: '福清市', province: '福建省', prefecture: '福州市' };
const report = (id: string, unit: string, place: Place, year: number, received: number) =>
  placedReport(id, unit, 'department', place, year, received);

const OLD = [
  report('G2022', '平潭综合实验区国有资产管理局', PINGTAN, 2022, 5),
  report('G2023', '平潭综合实验区国有资产管理局', PINGTAN, 2023, 6),
];
const NEW = [report('T2024', '平潭综合实验区投资促进局', PINGTAN, 2024, 7)];
/** Same years as 投资促进局, and a 公安局 of another government. */
const OVERLAP = [report('C2024', '平潭综合实验区财政金融局', PINGTAN, 2024, 1)];
const ELSEWHERE = [report('F2022', '福清市公安局', FUQING, 2022, 9)];
const PARTS = [...OLD, ...NEW, ...OVERLAP, ...ELSEWHERE];

const A = OLD[0]!.report.unit_id;
const B = NEW[0]!.report.unit_id;
const C = OVERLAP[0]!.report.unit_id;
const F = ELSEWHERE[0]!.report.unit_id;

const merge = (from: string, into: string): UnitMerge => ({
  from,
  into,
  fromName: from,
  intoName: into,
  date: '2026-01-01T00:00:00Z',
});

async function candidates(db: TestDb, ids: string[]): Promise<Map<string, MergeCandidate>> {
  const rows = await db.query<MergeCandidate>(mergeCandidatesSql(ids));
  return new Map(rows.map((r) => [r.unitId, r]));
}

async function setMerges(db: TestDb, list: UnitMerge[]): Promise<void> {
  db.engine.setUnitMerges(mergePairs(list));
  await db.engine.remapUnits();
}

describe('unit merges on the engine', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, {
      reports: PARTS.map((p) => p.report),
      cells: PARTS.flatMap((p) => p.cells),
      checks: [],
      regions: [],
    });
  }, 120_000);

  it('judges a merge on the data: complementary years merge, shared years and two governments do not', async () => {
    const c = await candidates(db, [A, B, C, F]);
    expect(c.get(A)?.years).toEqual([2022, 2023]);
    expect(checkMerge(c.get(A), c.get(B), A, B)).toBeNull();
    expect(checkMerge(c.get(C), c.get(B), C, B)).toEqual({ code: 'years', years: [2024] });
    expect(checkMerge(c.get(F), c.get(B), F, B)).toMatchObject({ code: 'parent' });
  });

  it('a merge shows one unit with both years in trends, compare, report, pivot, coverage and search', async () => {
    await setMerges(db, [merge(A, B)]);
    const t = await fetchTrends(db, { metric: 't3.new_received', units: [B], mode: 'absolute' });
    expect(t.rows.map((r) => [r.unitId, r.year, r.value])).toEqual([
      [B, 2022, 5],
      [B, 2023, 6],
      [B, 2024, 7],
    ]);
    const old = await fetchTrends(db, { metric: 't3.new_received', units: [A], mode: 'absolute' });
    expect(old.rows).toEqual([]);
    const cmp = await fetchCompare(db, { metric: 't3.new_received', year: 2023, units: [B] });
    expect(cmp.rows.map((r) => [r.unitId, r.value])).toEqual([[B, 6]]);
    const r = await fetchReport(db, { unitId: B, year: 2022 });
    expect(r?.report.report_id).toBe('G2022');
    expect(r?.years).toEqual([2022, 2023, 2024]);
    const p = await fetchPivot(db, {
      rows: ['unit'],
      cols: ['year'],
      measure: { kind: 'sum' },
      filters: { row: ['new_received'] },
      totals: false,
    });
    expect(p.rowHeaders).toHaveLength(3);
    expect(p.cells.filter((x) => x.row[0] === B).map((x) => [x.col[0], x.value])).toEqual([
      ['2022', 5],
      ['2023', 6],
      ['2024', 7],
    ]);
    const q = await fetchQuality(db, {});
    expect(q.units.map((u) => u.unitId).sort()).toEqual([B, C, F].sort());
    const dir = await fetchUnitDirectory(db);
    expect(dir.find((u) => u.unitId === B)?.names).toEqual([
      '平潭综合实验区国有资产管理局',
      '平潭综合实验区投资促进局',
    ]);
    // The old name still finds the unit it is now part of.
    const hits = await fetchUnitSearch(db, { text: '国有资产' });
    expect(hits.map((h) => h.unitId)).toEqual([B]);
  });

  it('undo restores both units with their loaded ids', async () => {
    await setMerges(db, []);
    const dup = await db.query<{ unit_id: string; n: number }>({
      sql: 'SELECT unit_id, count(*)::INTEGER AS n FROM reports GROUP BY 1 ORDER BY 1',
      params: [],
    });
    expect(new Map(dup.map((d) => [d.unit_id, d.n]))).toEqual(
      new Map([
        [A, 2],
        [B, 1],
        [C, 1],
        [F, 1],
      ]),
    );
    const q = await fetchQuality(db, {});
    expect(q.units).toHaveLength(4);
  });

  it('chains resolve; an import after the merge joins it; removed reports leave no trace', async () => {
    const D = '00000000000000dd';
    // A → B, then B → D (a unit not in the data: its reports take that id).
    await setMerges(db, [merge(A, B), merge(B, D)]);
    let ids = await db.query<{ unit_id: string; n: number }>({
      sql: 'SELECT unit_id, count(*)::INTEGER AS n FROM reports GROUP BY 1 ORDER BY 1',
      params: [],
    });
    expect(ids.find((r) => r.unit_id === D)?.n).toBe(3);
    await setMerges(db, [merge(A, B)]);
    // A 2021 report of the old body arrives (an import): the build maps it too.
    const more = report('G2021', '平潭综合实验区国有资产管理局', PINGTAN, 2021, 4);
    await db.engine.addFile({
      table: 'reports',
      name: 'import/reports.parquet',
      bytes: toParquet([more.report], REPORT_SPEC),
    });
    await db.engine.addFile({
      table: 'cells',
      name: 'import/cells.parquet',
      bytes: toParquet(more.cells, CELL_SPEC),
    });
    await db.engine.buildDerived();
    const t = await fetchTrends(db, { metric: 't3.new_received', units: [B], mode: 'absolute' });
    expect(t.rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
    await db.engine.run({ sql: `DELETE FROM reports WHERE report_id = 'G2021'`, params: [] });
    await setMerges(db, []);
    ids = await db.query({
      sql: `SELECT count(*)::INTEGER AS n FROM unit_origin WHERE report_id = 'G2021'`,
      params: [],
    });
    expect(ids).toEqual([{ n: 0 }]);
  });

  it('names a (unit, year) left with two reports when data arrives after a merge', async () => {
    await setMerges(db, [merge(C, B)]);
    expect(db.engine.mergeConflicts).toEqual([{ unitId: B, year: 2024, reports: 2 }]);
    await setMerges(db, []);
    expect(db.engine.mergeConflicts).toEqual([]);
  });
});
