/** "With corrections" on the engine: corrected cells replace printed ones in the chart queries only. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchCompare } from '../../src/queries/compare';
import { fetchOutcomes } from '../../src/queries/outcomes';
import { fetchPivot } from '../../src/queries/pivot';
import { fetchReport } from '../../src/queries/report';
import { fetchTrends } from '../../src/queries/trends';
import type { CorrectedCell } from '../../src/sql';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

const A = '济源市人民政府';
const B = '洪泽区人民政府';
/** Units are asked for by unit_id; rows name them by their printed name. */
const idOf = (name: string) => FIXTURE.reports.find((r) => r.unit === name)!.unit_id;

describe('corrections', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  const fix: CorrectedCell[] = [
    { reportId: 'A2021', table: 'table3', row: 'new_received', col: 'total', corrected: 99 },
    { reportId: 'A2019', table: 'table2', row: 'regulations', col: 'newly_made', corrected: 5 },
    { reportId: 'A2021', table: 'table4', row: 'review', col: 'total', corrected: 1000 },
  ];

  it('compare reads the corrected cell with corrections, the printed one without', async () => {
    const printed = await fetchCompare(db, {
      metric: 't3.new_received',
      year: 2021,
      units: [idOf(A), idOf(B)],
    });
    const corrected = await fetchCompare(db, {
      metric: 't3.new_received',
      year: 2021,
      units: [idOf(A), idOf(B)],
      corrections: fix,
    });
    expect(printed.rows.find((r) => r.unit === A)?.value).toBe(20);
    expect(corrected.rows.find((r) => r.unit === A)?.value).toBe(99);
    expect(corrected.rows.find((r) => r.unit === B)?.value).toBe(
      printed.rows.find((r) => r.unit === B)?.value,
    );
    const t2 = await fetchCompare(db, {
      metric: 't2.2019.regulations.newly_made',
      year: 2019,
      units: [],
      corrections: fix,
    });
    expect(t2.rows).toMatchObject([{ unit: A, value: 5 }]);
  });

  it('outcomes read a corrected outcome cell with corrections, the printed one without', async () => {
    const ask = (corrections?: CorrectedCell[]) =>
      fetchOutcomes(db, {
        units: [idOf(A)],
        year: 2021,
        by: 'row',
        measure: 'count',
        applicant: 'total',
        corrections,
      });
    const printed = await ask();
    const granted = printed.rows.find((r) => r.key === 'granted');
    expect(granted?.count).not.toBeNull();
    // Each row names the report its counts come from (a figure of the table opens it).
    expect(new Set(printed.rows.map((r) => r.reportId))).toEqual(new Set(['A2021']));
    const corrected = await ask([
      {
        reportId: 'A2021',
        table: 'table3',
        row: 'granted',
        col: 'total',
        corrected: (granted!.count ?? 0) + 500,
      },
    ]);
    expect(corrected.rows.find((r) => r.key === 'granted')?.count).toBe((granted!.count ?? 0) + 500);
    // Shares follow the corrected count: the other rows' shares shrink.
    const other = printed.rows.find((r) => r.key !== 'granted' && (r.count ?? 0) > 0);
    if (other) expect(corrected.rows.find((r) => r.key === other.key)!.share!).toBeLessThan(other.share!);
  });

  it('pivot sums and rates read corrected cells with corrections', async () => {
    const sum = (corrections?: CorrectedCell[]) =>
      fetchPivot(db, {
        rows: ['unit'],
        cols: [],
        measure: { kind: 'sum' },
        filters: { year: ['2021'] },
        corrections,
      });
    const at = (r: Awaited<ReturnType<typeof sum>>) => r.cells.find((c) => c.row[0] === idOf(A))?.value;
    const printed = at(await sum());
    // The default sum is 办理总计 · 总计 (total_handled); correcting it moves the cell by the difference.
    const fixTotal: CorrectedCell[] = [
      { reportId: 'A2021', table: 'table3', row: 'total_handled', col: 'total', corrected: 7777 },
    ];
    expect(printed).not.toBe(7777);
    expect(at(await sum(fixTotal))).toBe(7777);
    const rate = (corrections?: CorrectedCell[]) =>
      fetchPivot(db, {
        rows: ['unit'],
        cols: [],
        measure: { kind: 'rate', metric: 'rate.disclosure' },
        filters: { year: ['2021'] },
        corrections,
      });
    const r0 = (await rate()).cells.find((c) => c.row[0] === idOf(A));
    const r1 = (await rate(fixTotal)).cells.find((c) => c.row[0] === idOf(A));
    expect(r1?.denominator).toBe(7777);
    expect(r1?.value).not.toBe(r0?.value);
  });

  it('trends too, and the printed tables stay as printed', async () => {
    const t = await fetchTrends(db, {
      metric: 't3.new_received',
      units: [idOf(A)],
      mode: 'absolute',
      corrections: fix,
    });
    expect(t.rows.map((r) => [r.year, r.value])).toEqual([
      [2019, 10],
      [2021, 99],
    ]);
    const report = await fetchReport(db, { reportId: 'A2021' });
    expect(JSON.stringify(report)).not.toContain('99');
  });
});
