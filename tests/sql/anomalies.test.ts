/** The anomaly features built on the duckdb-wasm engine from a synthetic dataset made to trigger each rule. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellRow, CheckRow, ReportRow } from '../../src/dataset/rows';
import { fetchAnomalies } from '../../src/queries/anomalies';
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
});
