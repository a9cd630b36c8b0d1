/** Every builder executed on the duckdb-wasm engine against the typed fixture, with hand-computed results. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchCompare } from '../../src/queries/compare';
import { coverageCells } from '../../src/queries/coverage';
import { fetchOutcomes } from '../../src/queries/outcomes';
import { fetchPivot } from '../../src/queries/pivot';
import { fetchQuality } from '../../src/queries/quality';
import { fetchReport } from '../../src/queries/report';
import { fetchTrends } from '../../src/queries/trends';
import { pivotKey } from '../../src/queries/types';
import { fetchUnitSearch } from '../../src/queries/units';
import { FIXTURE, HOSTILE_UNIT } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

/** Every cell of the coverage grid, decoded. */
const matrixOf = (q: { units: Parameters<typeof coverageCells>[0][] }) =>
  q.units.flatMap((u) => [...coverageCells(u).values()]);

const A = '济源市人民政府';
const B = '洪泽区人民政府';
/** Units are asked for by unit_id; rows name them by their printed name. */
const idOf = (name: string) => FIXTURE.reports.find((r) => r.unit === name)!.unit_id;
const nameOf = (unitId: string) => FIXTURE.reports.find((r) => r.unit_id === unitId)?.unit ?? unitId;
const IA = idOf(A);
const IB = idOf(B);
const IH = idOf(HOSTILE_UNIT);
const NOBODY = 'ffffffffffffffff';

describe('builders on the engine', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('compare: disclosure rate for 2021, sorted, nulls last, missing listed', async () => {
    const r = await fetchCompare(db, {
      metric: 'rate.disclosure',
      year: 2021,
      units: [IA, IB, IH, NOBODY],
    });
    expect(r.rows.map((x) => [x.unit, x.value, x.numerator, x.denominator])).toEqual([
      // Ties break on the unit name, byte order.
      [HOSTILE_UNIT, 1, 7, 7],
      [B, 1, 4, 4],
      [A, 12 / 20, 12, 20],
    ]);
    expect(r.missing).toEqual([NOBODY]);
    expect(r.rows[0]?.checkFailures).toBe(1);
  });

  it('compare: all units when none are given, a format-specific metric marks others not comparable', async () => {
    const r = await fetchCompare(db, { metric: 't2.2019.regulations.newly_made', year: 2019, units: [] });
    expect(r.rows).toMatchObject([{ unit: A, value: 3, comparable: true }]);
    const r21 = await fetchCompare(db, { metric: 't2.2019.regulations.newly_made', year: 2021, units: [] });
    expect(r21.rows.every((x) => x.value === null && !x.comparable)).toBe(true);
    expect(r21.rows).toHaveLength(3);
  });

  it('compare: province and level scope, zero denominator gives null', async () => {
    const r = await fetchCompare(db, {
      metric: 'rate.review_correction',
      year: 2021,
      units: [],
      province: '江苏省',
    });
    expect(r.rows).toMatchObject([{ unit: B, value: null, numerator: 0, denominator: 0 }]);
    const lv = await fetchCompare(db, { metric: 't3.new_received', year: 2021, units: [], level: 'county' });
    expect(lv.rows.map((x) => x.unit)).toEqual([HOSTILE_UNIT, B]);
  });

  it('compare: chosen units outside the province / level filter are told apart from missing ones', async () => {
    const r = await fetchCompare(db, {
      metric: 't3.new_received',
      year: 2021,
      units: [IA, IB, IH, NOBODY],
      province: '江苏省',
    });
    expect(r.rows.map((x) => x.unit)).toEqual([B]);
    expect(r.filteredOut.sort()).toEqual([IA, IH].sort());
    expect(r.missing).toEqual([NOBODY]);
    // Each unit's latest year: 洪泽区 (2022) is filtered out of 河南省, not missing.
    const latest = await fetchCompare(db, {
      metric: 't3.new_received',
      year: 2022,
      units: [IA, IB],
      province: '河南省',
      latestEach: true,
    });
    expect(latest.rows.map((x) => [x.unit, x.year])).toEqual([[A, 2021]]);
    expect(latest.filteredOut).toEqual([IB]);
    expect(latest.missing).toEqual([]);
    // No filter: every chosen unit with a report is drawn, up to `limit`, largest first.
    const two = await fetchCompare(db, {
      metric: 't3.new_received',
      year: 2021,
      units: [IA, IB, IH],
      limit: 2,
    });
    expect(two.rows.map((x) => x.unit)).toEqual([A, HOSTILE_UNIT]);
  });

  it('trends: absolute, relative and yoy', async () => {
    const abs = await fetchTrends(db, { metric: 't3.new_received', units: [IA, IB], mode: 'absolute' });
    expect(abs.rows.map((x) => [x.unit, x.year, x.value])).toEqual([
      [B, 2021, 4],
      [B, 2022, 6],
      [A, 2019, 10],
      [A, 2021, 20],
    ]);
    expect(abs.years).toEqual([2019, 2021, 2022]);
    const rel = await fetchTrends(db, { metric: 't3.new_received', units: [IA, IB], mode: 'relative' });
    expect(rel.rows.map((x) => x.value)).toEqual([100, 150, 100, 200]);
    // A's base year 2019 is in the old format: its 2021 index is marked as crossing the change.
    expect(rel.rows.map((x) => x.crossesBreak)).toEqual([false, false, false, true]);
    expect(abs.rows.every((x) => x.crossesBreak === false)).toBe(true);
    const yoy = await fetchTrends(db, { metric: 't3.new_received', units: [IA, IB], mode: 'yoy' });
    // A has no 2020 report: no YoY for 2021.
    expect(yoy.rows.map((x) => x.value)).toEqual([null, 50, null, null]);
    const ranged = await fetchTrends(db, {
      metric: 't3.new_received',
      units: [IA],
      mode: 'absolute',
      from: 2020,
      to: 2021,
    });
    expect(ranged.rows.map((x) => x.year)).toEqual([2021]);
  });

  it('outcomes: groups with shares of all outcome rows, and drill-down to rows', async () => {
    const r = await fetchOutcomes(db, { units: [IA], year: 2021, by: 'group', measure: 'share' });
    expect(r.keys).toEqual(['granted', 'partially_granted', 'withheld', 'unable', 'rejected', 'other']);
    expect(r.rows.map((x) => [x.key, x.count, x.value])).toEqual([
      ['granted', 10, 0.5],
      ['partially_granted', 2, 0.1],
      ['withheld', 2, 0.1],
      ['unable', 3, 0.15],
      ['rejected', 1, 0.05],
      ['other', 2, 0.1],
    ]);
    const drill = await fetchOutcomes(db, {
      units: [IA],
      year: 2021,
      by: 'row',
      groups: ['other'],
      measure: 'count',
    });
    expect(drill.rows.map((x) => [x.key, x.value, x.share])).toEqual([
      ['other_overdue_correction', 1, 0.05],
      ['other_other', 1, 0.05],
    ]);
    const by = await fetchOutcomes(db, {
      units: [IA, NOBODY],
      year: 2021,
      by: 'group',
      applicant: 'commercial',
      measure: 'count',
    });
    // A prints outcomes in the total column only: commercial counts are blank, not zero.
    expect(by.rows.map((x) => x.count)).toEqual([null, null, null, null, null, null]);
    expect(by.missing).toEqual([NOBODY]);
  });

  it('pivot: province × year sums with totals, shares and a rate', async () => {
    const r = await fetchPivot(db, {
      rows: ['province'],
      cols: ['year'],
      measure: { kind: 'sum' },
      filters: {},
    });
    const cell = (row: string, col: string) =>
      r.cells.find((c) => pivotKey(c.row) === row && pivotKey(c.col) === col)?.value;
    // Labels sort in pinyin order: hé before jiāng.
    expect(r.rowHeaders).toEqual([['河南省'], ['江苏省']]);
    expect(r.colHeaders).toEqual([['2019'], ['2021'], ['2022']]);
    expect(cell('河南省', '2021')).toBe(27);
    expect(r.rowTotals.map((c) => c.value)).toEqual([38, 10]);
    expect(r.colTotals.map((c) => c.value)).toEqual([11, 31, 6]);
    expect(r.grandTotal?.value).toBe(48);
    // every report counts, and here every one prints total handled
    expect(r.grandTotal?.reports).toBe(r.grandTotal?.reported);
    expect(r.grandTotal?.reports).toBeGreaterThan(0);
    const share = await fetchPivot(db, {
      rows: ['province'],
      cols: ['year'],
      measure: { kind: 'share', of: 'total' },
      filters: {},
      sort: { by: 'value', dir: 'desc' },
    });
    expect(share.rowHeaders).toEqual([['河南省'], ['江苏省']]);
    expect(share.grandTotal?.value).toBe(1);
    const rate = await fetchPivot(db, {
      rows: ['format'],
      cols: [],
      measure: { kind: 'rate', metric: 'rate.disclosure' },
      filters: { year: ['2021', '2022'] },
    });
    // 2021 format: (12 + 4 + 3 + 7) / (20 + 4 + 6 + 7)
    expect(rate.cells).toMatchObject([{ row: ['2021'], value: 26 / 37 }]);
  });

  it('pivot: row subtotals from the grouping sets; a rate’s subtotal is Σnum/Σden, not a sum', async () => {
    const r = await fetchPivot(db, {
      rows: ['province', 'year'],
      cols: [],
      measure: { kind: 'sum' },
      filters: {},
    });
    const sub = (p: string) => r.subtotalTotals.find((c) => pivotKey(c.row) === p)?.value;
    // Same as the province totals of province × year above.
    expect(sub('河南省')).toBe(38);
    expect(sub('江苏省')).toBe(10);
    expect(r.grandTotal?.value).toBe(48);
    // Each subtotal equals its rows' totals (sums only: a sum is additive).
    for (const s of r.subtotalTotals) {
      const rows = r.rowTotals.filter((c) => c.row[0] === s.row[0]);
      expect(rows.reduce((n, c) => n + (c.value ?? 0), 0)).toBe(s.value);
    }
    const byCol = await fetchPivot(db, {
      rows: ['province', 'level'],
      cols: ['year'],
      measure: { kind: 'sum' },
      filters: {},
    });
    expect(byCol.subtotals.find((c) => c.row[0] === '河南省' && c.col[0] === '2021')?.value).toBe(27);
    const rate = await fetchPivot(db, {
      rows: ['format', 'province'],
      cols: [],
      measure: { kind: 'rate', metric: 'rate.disclosure' },
      filters: { year: ['2021', '2022'] },
    });
    // 2021 format: (12 + 4 + 3 + 7) / (20 + 4 + 6 + 7), as the one-dimension pivot above.
    const s21 = rate.subtotalTotals.find((c) => c.row[0] === '2021');
    expect(s21?.value).toBe(26 / 37);
    expect([s21?.sum, s21?.denominator]).toEqual([26, 37]);
    // Not the sum (nor the mean) of the provinces' rates.
    const parts = rate.rowTotals.filter((c) => c.row[0] === '2021').map((c) => c.value ?? 0);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((a, b) => a + b, 0)).not.toBe(26 / 37);
    // Value sort keeps rows under their group: groups ordered by subtotal.
    const sorted = await fetchPivot(db, {
      rows: ['province', 'year'],
      cols: [],
      measure: { kind: 'sum' },
      filters: {},
      sort: { by: 'value', dir: 'asc' },
    });
    const order = sorted.rowHeaders.map((h) => h[0]);
    expect(order.indexOf('河南省')).toBeGreaterThan(order.lastIndexOf('江苏省'));
  });

  it('pivot: by unit kind (a dimension added through the vocabulary), filtered by it', async () => {
    const r = await fetchPivot(db, {
      rows: ['unit_kind'],
      cols: ['year'],
      measure: { kind: 'sum' },
      filters: {},
    });
    // C2021 (a 局) is the one department: 7 handled in 2021; the governments hold the other 41.
    expect(r.rowHeaders).toEqual([['department'], ['government']]);
    expect(r.rowTotals.map((c) => c.value)).toEqual([7, 41]);
    const only = await fetchPivot(db, {
      rows: ['province'],
      cols: [],
      measure: { kind: 'rate', metric: 'rate.disclosure' },
      filters: { unit_kind: ['department'] },
    });
    expect(only.cells).toMatchObject([{ row: ['河南省'], value: 1 }]);
  });

  it('pivot: an empty filter list matches nothing (not every row, not an SQL error)', async () => {
    const r = await fetchPivot(db, {
      rows: ['unit'],
      cols: [],
      measure: { kind: 'sum' },
      filters: { unit: [] },
    });
    expect(r.cells).toEqual([]);
    expect(r.rowHeaders).toEqual([]);
  });

  it('pivot: outcome groups × applicant', async () => {
    const r = await fetchPivot(db, {
      rows: ['group'],
      cols: ['applicant'],
      measure: { kind: 'sum' },
      filters: { unit: [IA], year: ['2019'], applicant: ['natural_person', 'total'] },
      totals: false,
    });
    expect(r.rowHeaders.map((h) => h[0])).toEqual([
      'granted',
      'other',
      'partially_granted',
      'rejected',
      'unable',
      'withheld',
    ]);
    // A 2019 prints outcome rows in the total column only; blank cells are not zeros.
    expect(r.cells.filter((c) => c.col[0] === 'natural_person')).toEqual([]);
    expect(r.cells.find((c) => c.row[0] === 'withheld')?.value).toBe(1);
    expect(r.rowTotals).toEqual([]);
    await expect(
      fetchPivot(db, {
        rows: ['row'],
        cols: [],
        measure: { kind: 'rate', metric: 'rate.disclosure' },
        filters: {},
      }),
    ).rejects.toThrow('pivot: a rate cannot be split by row');
  });

  it('report: tables with failed checks on their cells, and the unit’s years', async () => {
    const r = await fetchReport(db, { unitId: IB, year: 2022 });
    expect(r?.report.report_id).toBe('B2022');
    expect(r?.years).toEqual([2021, 2022]);
    expect(r?.tables.table3.granted?.total?.value).toBe(3);
    expect(r?.tables.table3.granted?.total?.failed.map((c) => c.rule)).toEqual(['table3.column_balance']);
    const a = await fetchReport(db, { reportId: 'A2021' });
    expect(a?.tables.table3.withheld_state_secret?.total).toEqual({ value: null, raw: '/', failed: [] });
    expect(a?.tables.table4.review?.corrected?.value).toBe(2);
    expect(await fetchReport(db, { reportId: "'; DROP TABLE reports; --" })).toBeNull();
  });

  it('compare: each unit’s latest year up to the chosen one', async () => {
    const r = await fetchCompare(db, {
      metric: 't3.new_received',
      year: 2022,
      units: [IA, IB],
      latestEach: true,
    });
    expect(r.rows.map((x) => [x.unit, x.year, x.value])).toEqual([
      [A, 2021, 20],
      [B, 2022, 6],
    ]);
    expect(r.missing).toEqual([]);
    const exact = await fetchCompare(db, { metric: 't3.new_received', year: 2022, units: [IA, IB] });
    expect(exact.rows.map((x) => x.unit)).toEqual([B]);
    expect(exact.missing).toEqual([IA]);
  });

  it('report: a unit without the year in view opens its latest year; no year opens the latest', async () => {
    expect((await fetchReport(db, { unitId: IB, year: 2021 }))?.report.report_id).toBe('B2021');
    expect((await fetchReport(db, { unitId: IB, year: 2019 }))?.report.report_id).toBe('B2022');
    expect((await fetchReport(db, { unitId: IB, year: null }))?.report.report_id).toBe('B2022');
    expect(await fetchReport(db, { unitId: NOBODY, year: null })).toBeNull();
  });

  it('quality: coverage matrix and failed checks', async () => {
    const q = await fetchQuality(db, {});
    expect(q.years).toEqual([2019, 2021, 2022]);
    const status = Object.fromEntries(matrixOf(q).map((c) => [`${nameOf(c.unitId)}/${c.year}`, c.status]));
    expect(status).toMatchObject({
      [`${A}/2019`]: 'ok',
      [`${A}/2022`]: 'missing',
      [`${B}/2022`]: 'failed',
      [`${HOSTILE_UNIT}/2021`]: 'failed',
    });
    expect(q.summary).toEqual({ reported: 5, failed: 2, missing: 4 });
    expect(q.checksTotal).toBe(2);
    const one = await fetchQuality(db, { rules: ["narrative.total'; --"] });
    expect(one.units.map((u) => u.unit)).toEqual([HOSTILE_UNIT]);
    expect(one.checks.map((c) => [c.unit, c.year, c.expected])).toEqual([[HOSTILE_UNIT, 2021, 8]]);
    expect(one.rules).toHaveLength(2);
    // Filters read the precomputed coverage table: same grid, narrowed.
    const y = await fetchQuality(db, { years: [2021], provinces: ['河南省'] });
    expect(y.years).toEqual([2021]);
    expect(y.units.map((u) => u.unit).sort()).toEqual([A, HOSTILE_UNIT].sort());
    expect(
      matrixOf(y)
        .map((c) => [nameOf(c.unitId), c.status])
        .sort(),
    ).toEqual(
      [
        [A, 'ok'],
        [HOSTILE_UNIT, 'failed'],
      ].sort(),
    );
  });

  it('unit search: name, pinyin, initials, province and parent region', async () => {
    const names = async (p: Parameters<typeof fetchUnitSearch>[1]) =>
      (await fetchUnitSearch(db, p)).map((u) => u.unit);
    expect(await names({ text: '济源' })).toEqual([A]);
    expect(await names({ text: 'HongZe' })).toEqual([B]);
    expect(await names({ text: 'jys' })).toEqual([A]);
    expect(await names({ province: '河南省' })).toEqual([A, HOSTILE_UNIT]);
    expect(await names({ parentCode: '320000' })).toEqual([B]);
    expect(await names({ text: "'; DROP" })).toEqual([HOSTILE_UNIT]);
    expect(await names({ text: '%' })).toEqual([]);
    const [hit] = await fetchUnitSearch(db, { text: '洪泽' });
    expect(hit).toMatchObject({ regionCode: '320813', level: 'county', years: [2021, 2022] });
  });

  it('hostile values leave every table intact', async () => {
    const s = await db.engine.summary();
    expect(s.reports).toBe(5);
  });
});
