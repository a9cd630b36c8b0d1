/**
 * A tiny hand-checkable dataset: two real-looking units in both formats and one hostile unit name.
 * Numbers are chosen so each metric has a value worth computing by hand (see tests).
 */
import type { CellRow, CheckRow, RegionRow, ReportRow } from '../../src/dataset/rows';
import { identityOf } from '../../src/dataset/unit-identity';
import type { Fixture } from './harness';

export const HOSTILE_UNIT = `X'; DROP TABLE reports; --"局 ☃`;

type Cells = Record<string, Record<string, number | null>>;

function report(
  id: string,
  unit: string,
  year: number,
  format: '2019' | '2021',
  region: Partial<ReportRow>,
  t3: Cells,
  t4: Cells,
  t2: Cells,
  raw: Record<string, string> = {},
): { report: ReportRow; cells: CellRow[] } {
  const cells: CellRow[] = [];
  for (const [table, t] of [
    ['table3', t3],
    ['table4', t4],
    ['table2', t2],
  ] as const) {
    for (const [row, cols] of Object.entries(t)) {
      for (const [col, value] of Object.entries(cols)) {
        cells.push({ report_id: id, table, row, col, value, raw: raw[`${table}.${row}.${col}`] ?? null });
      }
    }
  }
  const kind = region.unit_kind ?? 'government';
  const placement =
    region.region_code && region.level
      ? {
          region: { code: region.region_code, name: region.region_name ?? '', level: region.level },
          province: region.province ?? null,
          prefecture: region.prefecture ?? null,
          county: region.county ?? null,
        }
      : null;
  const identity = identityOf(unit, kind, placement, undefined);
  return {
    report: {
      report_id: id,
      unit_id: identity.unitId,
      unit,
      unit_kind: kind,
      parent_unit_id: identity.parentUnitId,
      region_code: null,
      region_name: null,
      province: null,
      prefecture: null,
      county: null,
      level: null,
      year,
      format,
      source: 'fixture',
      sha256: id.padEnd(64, '0'),
      parser_version: 'test',
      check_failures: 0,
      ...region,
    },
    cells,
  };
}

const JIYUAN = {
  region_code: '419001',
  region_name: '济源市',
  province: '河南省',
  prefecture: '济源市',
  level: 'prefecture',
} as const;
const HONGZE = {
  region_code: '320813',
  region_name: '洪泽区',
  province: '江苏省',
  prefecture: '淮安市',
  county: '洪泽区',
  level: 'county',
} as const;

const parts = [
  report(
    'A2019',
    '济源市人民政府',
    2019,
    '2019',
    JIYUAN,
    {
      new_received: { natural_person: 8, commercial: 2, total: 10 },
      carried_over: { total: 2 },
      granted: { total: 5 },
      partially_granted: { total: 1 },
      withheld_state_secret: { total: 1 },
      unable_not_held: { total: 2 },
      rejected_repeated: { total: 1 },
      other_single: { total: 1 },
      total_handled: { natural_person: 9, commercial: 2, total: 11 },
      carried_forward: { total: 1 },
    },
    { review: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 } },
    { licensing: { decisions: 100 }, regulations: { newly_made: 3 } },
  ),
  report(
    'A2021',
    '济源市人民政府',
    2021,
    '2021',
    JIYUAN,
    {
      new_received: { natural_person: 15, commercial: 5, total: 20 },
      carried_over: { total: 1 },
      granted: { total: 10 },
      partially_granted: { total: 2 },
      withheld_state_secret: { total: null },
      withheld_third_party_rights: { total: 2 },
      unable_not_held: { total: 3 },
      rejected_repeated: { total: 1 },
      other_overdue_correction: { total: 1 },
      other_other: { total: 1 },
      total_handled: { natural_person: 15, commercial: 5, total: 20 },
      carried_forward: { total: 1 },
    },
    {
      review: { upheld: 2, corrected: 2, other: 0, pending: 0, total: 4 },
      litigation_direct: { upheld: 0, corrected: 1, other: 0, pending: 1, total: 2 },
    },
    { licensing: { decisions: 120 }, regulations: { in_force: 7 } },
    { 'table3.withheld_state_secret.total': '/' },
  ),
  report(
    'B2021',
    '洪泽区人民政府',
    2021,
    '2021',
    HONGZE,
    {
      new_received: { natural_person: 4, commercial: 0, total: 4 },
      carried_over: { total: 0 },
      granted: { total: 4 },
      total_handled: { total: 4 },
      carried_forward: { total: 0 },
    },
    { review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 } },
    { licensing: { decisions: 30 } },
  ),
  report(
    'B2022',
    '洪泽区人民政府',
    2022,
    '2021',
    { ...HONGZE, check_failures: 1 },
    {
      new_received: { total: 6 },
      granted: { total: 3 },
      unable_not_held: { total: 3 },
      total_handled: { total: 6 },
    },
    {},
    {},
  ),
  report(
    'C2021',
    HOSTILE_UNIT,
    2021,
    '2021',
    { province: '河南省', level: 'county', check_failures: 1, unit_kind: 'department' },
    { new_received: { total: 7 }, granted: { total: 7 }, total_handled: { total: 7 } },
    {},
    {},
  ),
];

const checks: CheckRow[] = [
  {
    report_id: 'B2022',
    rule: 'table3.column_balance',
    location: 'table3.*.total',
    expected: 6,
    actual: 0,
    message: 'new + carried ≠ handled + forward',
  },
  {
    report_id: 'C2021',
    rule: "narrative.total'; --",
    location: 'table3.new_received.total',
    expected: 8,
    actual: 7,
    message: '叙述与表格不一致',
  },
];

const regions: RegionRow[] = [
  {
    code: '410000',
    name: '河南省',
    level: 'province',
    parent_code: null,
    province_code: '410000',
    pinyin: 'henansheng',
  },
  {
    code: '419001',
    name: '济源市',
    level: 'prefecture',
    parent_code: '410000',
    province_code: '410000',
    pinyin: 'jiyuanshi',
  },
  {
    code: '320000',
    name: '江苏省',
    level: 'province',
    parent_code: null,
    province_code: '320000',
    pinyin: 'jiangsusheng',
  },
  {
    code: '320813',
    name: '洪泽区',
    level: 'county',
    parent_code: '320800',
    province_code: '320000',
    pinyin: 'hongzequ',
  },
];

export const FIXTURE: Fixture = {
  reports: parts.map((p) => p.report),
  cells: parts.flatMap((p) => p.cells),
  checks,
  regions,
};
