/** The anomaly features built on the duckdb-wasm engine from a synthetic dataset made to trigger each rule. */
import { beforeAll, describe, expect, it } from 'vitest';
import { anomalyFlags } from '../../src/dataset/anomaly-flags';
import type { CellRow, CheckRow, ReportRow } from '../../src/dataset/rows';
import type { Queryable } from '../../src/db/types';
import { findAnomalies, type NarrativeCheck, type ReportFeatures } from '../../src/domain/anomalies';
import { fetchAnomalies } from '../../src/queries/anomalies';
import {
  anomalyCandidateCountSql,
  anomalyCandidatePageSql,
  anomalyCandidatesSql,
  anomalyFeaturesSql,
  clearAnomalyT3Sql,
  createAnomalyT3Sql,
  fillAnomalyT3Sql,
  narrativeChecksSql,
} from '../../src/sql/anomalies';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

const reports: ReportRow[] = [];
const cells: CellRow[] = [];
const checks: CheckRow[] = [];

function add(
  unit: string,
  region: string,
  year: number,
  t3: { received: number; granted: number; handled: number; extra?: number },
  format: '2019' | '2021' = year >= 2021 ? '2021' : '2019',
): string {
  const id = `${region}-${unit}-${year}`;
  reports.push({
    report_id: id,
    // One unit per region (as `identityOf` gives a government): the rules follow unit_id.
    unit_id: `${region}`.padStart(16, '0'),
    unit,
    unit_kind: 'government',
    parent_unit_id: null,
    region_code: region,
    region_name: null,
    province: '江苏省',
    prefecture: null,
    county: null,
    level: 'county',
    year,
    format,
    source: 'test',
    sha256: id,
    parser_version: 'test',
    check_failures: 0,
  });
  const cell = (row: string, col: string, value: number) =>
    cells.push({ report_id: id, table: 'table3', row, col, value, raw: null });
  cell('new_received', 'total', t3.received);
  cell('new_received', 'natural_person', t3.received - (t3.extra ?? 0));
  cell('granted', 'total', t3.granted);
  cell('total_handled', 'total', t3.handled);
  return id;
}

/** A 2020 report of its own unit in 浙江省 (no peer group, no series: it flags nothing) with these table-三 cells. */
function addTable(
  unit: string,
  region: string,
  t3: [row: string, col: string, value: number | null][],
): string {
  const id = add(unit, region, 2020, { received: 0, granted: 0, handled: 0 });
  // Replace add()'s cells by exactly these.
  for (let i = cells.length - 1; i >= 0 && cells[i]!.report_id === id; i--) cells.pop();
  reports.at(-1)!.province = '浙江省';
  for (const [row, col, value] of t3)
    cells.push({ report_id: id, table: 'table3', row, col, value, raw: null });
  return id;
}

const normal = { received: 40, granted: 24, handled: 40 };
beforeAll(() => {
  // Peers of 2022 (江苏省, county): rates 0.6 ± 0.02, one at 0.05.
  for (const [i, g] of [24, 25, 23, 24, 24, 25].entries())
    add(`同级${i}`, `3208${i}`, 2022, { ...normal, granted: g });
  add('离群', '320899', 2022, { ...normal, granted: 2 });
  // A tenfold jump, with the prose disagreeing too.
  add('跳变', '320801', 2021, { received: 30, granted: 18, handled: 30 });
  const jump = add('跳变', '320801', 2022, { received: 300, granted: 180, handled: 300 });
  checks.push({
    report_id: jump,
    rule: 'narrative.total',
    location: 'table3.new_received.total',
    expected: 30,
    actual: 300,
    message: '',
  });
  // Copied: same table both years.
  add('照抄', '320802', 2021, { ...normal, extra: 3 });
  add('照抄', '320802', 2022, { ...normal, extra: 3 });
  // Same name, other region, equal table: not a copy.
  add('同名', '110101', 2021, { ...normal, extra: 5 });
  add('同名', '110102', 2022, { ...normal, extra: 5 });
  add('旧表', '320803', 2023, normal, '2019');
  // Table digests: equal tables (of two units) and tables that differ only in where a value sits.
  const base: [string, string, number | null][] = [
    ['new_received', 'total', 9],
    ['granted', 'total', 5],
    ['total_handled', 'total', 7],
  ];
  addTable('同表甲', '330101', base);
  addTable('同表乙', '330102', [...base].reverse());
  addTable('换行', '330103', [
    ['new_received', 'total', 9],
    ['granted', 'total', 7],
    ['total_handled', 'total', 5],
  ]);
  addTable('换列', '330104', [
    ['new_received', 'total', 9],
    ['granted', 'natural_person', 5],
    ['total_handled', 'total', 7],
  ]);
  addTable('空白', '330105', [...base, ['withdrawn', 'total', null]]);
  addTable('零', '330106', [...base, ['withdrawn', 'total', 0]]);
  addTable('缺行', '330107', base.slice(0, 2));
});

describe('anomalies on the engine', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, { reports, cells, checks, regions: [] });
  }, 120_000);

  it('flags exactly the reports made to trigger a rule', async () => {
    const flags = await fetchAnomalies(db);
    expect(flags.map((f) => [f.unit, f.year, f.rule, f.value, f.reference])).toEqual([
      ['旧表', 2023, 'old_format', null, null],
      ['照抄', 2022, 'copied_table', 4, null],
      ['离群', 2022, 'peer_outlier', 0.05, 0.6],
      ['跳变', 2022, 'narrative_total', 300, 30],
      ['跳变', 2022, 'yoy_jump', 300, 30],
    ]);
  });

  it('keeps only the reports that could be flagged, and gives the flags of all reports', async () => {
    const all = await db.query<ReportFeatures>(anomalyFeaturesSql());
    const checks = await db.query<NarrativeCheck>(narrativeChecksSql());
    const kept = await db.query<ReportFeatures & { forSeries: boolean; forPeers: boolean }>(
      anomalyCandidatesSql(),
    );
    expect(kept.length).toBeLessThan(all.length);
    // 2021 has too few peers and 同名's units one report each: its 2021 report is pruned. The
    // 2022 peer group (one outlier) is kept whole.
    expect(kept.some((r) => r.unit === '同名' && r.year === 2021)).toBe(false);
    const peers2022 = all.filter((r) => r.year === 2022).map((r) => r.reportId);
    expect(kept.filter((r) => r.forPeers).map((r) => r.reportId)).toEqual(peers2022);
    expect(await fetchAnomalies(db)).toEqual(findAnomalies(all, checks));
  });

  it('digests a table by its cells: equal for equal tables in any row order, else different', async () => {
    const all = await db.query<ReportFeatures>(anomalyFeaturesSql());
    const digest = (unit: string) => all.find((r) => r.unit === unit)!.t3Digest;
    expect(digest('同表甲')).not.toBeNull();
    expect(digest('同表乙')).toBe(digest('同表甲'));
    const others = ['换行', '换列', '空白', '零', '缺行'].map(digest);
    // A value in another row or column, a blank, a zero, a missing row: each a table of its own.
    expect(new Set([digest('同表甲'), ...others]).size).toBe(6);
    // Blank cells are not counted as non-zero figures; zeros neither.
    expect(all.find((r) => r.unit === '空白')!.t3Nonzero).toBe(3);
    expect(all.find((r) => r.unit === '零')!.t3Nonzero).toBe(3);
  });

  it('fills the aggregates in slices to the same table as in one statement', async () => {
    const table = async (slice: number) => {
      await db.query(createAnomalyT3Sql());
      await db.query(clearAnomalyT3Sql());
      for (let from = 1; from <= reports.length; from += slice)
        await db.query(fillAnomalyT3Sql(from, from + slice - 1));
      return db.query({ sql: 'SELECT *, digest::VARCHAR AS d FROM anomaly_t3 ORDER BY rid', params: [] });
    };
    const whole = await table(reports.length);
    expect(whole).toHaveLength(reports.length);
    expect(await table(3)).toEqual(whole);
    expect(await anomalyFlags(db, 2)).toEqual(await fetchAnomalies(db));
  });

  it('reads the candidates back a page at a time as the rows of one statement', async () => {
    const kept = await db.query(anomalyCandidatesSql());
    await fetchAnomalies(db);
    const count = (await db.query<{ n: number }>(anomalyCandidateCountSql()))[0]!.n;
    expect(count).toBe(kept.length);
    const pages = [];
    for (let from = 1; from <= count; from += 3)
      pages.push(...(await db.query(anomalyCandidatePageSql(from, from + 2))));
    expect(pages).toEqual(kept);
    // Pages of 1 and 3 rows, rules in slices paused at each: the flags of the plain path.
    let pauses = 0;
    const plain = findAnomalies(
      await db.query<ReportFeatures>(anomalyFeaturesSql()),
      await db.query<NarrativeCheck>(narrativeChecksSql()),
    );
    expect(
      await anomalyFlags(db, 2, 1, () => {
        pauses++;
      }),
    ).toEqual(plain);
    expect(pauses).toBeGreaterThan(0);
    expect(await anomalyFlags(db, 5, 3, () => Promise.resolve())).toEqual(plain);
  });

  it('waits for a quiet moment before each statement of the fill; a newer request supersedes an older one', async () => {
    let quiet = 0;
    let hold: (() => void) | null = null;
    const held = new Promise<void>((ok) => {
      hold = ok;
    });
    const q: Queryable = {
      query: (sql) => db.query(sql),
      idle: () => (++quiet === 1 ? held : Promise.resolve()),
    };
    const older = anomalyFlags(q, 4, 4);
    const newer = anomalyFlags(q, 4, 4);
    // The older one waits at its first quiet moment; the newer one waits for the older.
    await new Promise((ok) => setTimeout(ok, 10));
    expect(quiet).toBe(1);
    hold!();
    await expect(older).rejects.toThrow(/superseded/);
    expect(await newer).toEqual(await fetchAnomalies(db));
    // The older one's moment, then the newer one's: before the fill, each slice, the candidates
    // table and each page of its read.
    const candidates = (await db.query(anomalyCandidatesSql())).length;
    expect(candidates).toBeGreaterThan(4);
    expect(quiet).toBe(1 + 1 + Math.ceil(reports.length / 4) + 1 + Math.ceil(candidates / 4));
  });
});
