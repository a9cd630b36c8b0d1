/**
 * The pivot's totals are rolled up from its finest grouping (src/sql/pivot.ts); each must equal
 * the same figure asked for directly: the row totals of rows × cols are the cells of rows alone,
 * the column totals those of cols alone, subtotals those of the leading row dims, and the grand
 * total a pivot by nothing but one dim's total. On the engine with the fixture, for every kind of
 * source (report dims only, table-三 rows and groups, applicants, a rate, corrections).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, OUTCOME_ROWS } from '../../src/domain/keys';
import { PIVOT_DIM_SPEC, type PivotDim } from '../../src/domain/vocab';
import { answerPivot, type PivotSqlParams } from '../../src/queries/pivot';
import { type PivotCell, pivotKey } from '../../src/queries/types';
import type { CorrectedCell } from '../../src/sql';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

const FIX: CorrectedCell[] = [
  { reportId: 'A2021', table: 'table3', row: 'total_handled', col: 'total', corrected: 7777 },
  { reportId: 'A2021', table: 'table3', row: 'granted', col: 'natural_person', corrected: 55 },
];

type Shape = Omit<PivotSqlParams, 'totals' | 'filters'> & { filters?: PivotSqlParams['filters'] };

const SHAPES: [string, Shape][] = [
  ['report dims', { rows: ['province', 'level'], cols: ['year'], rate: null }],
  ['report dims, corrected', { rows: ['unit'], cols: ['format'], rate: null, corrections: FIX }],
  ['rows', { rows: ['format'], cols: ['row'], rate: null }],
  ['groups and rows', { rows: ['group', 'row'], cols: ['province'], rate: null }],
  ['applicants', { rows: ['province'], cols: ['applicant'], rate: null }],
  [
    'applicants, filtered, corrected',
    {
      rows: ['group'],
      cols: ['applicant'],
      rate: null,
      filters: { applicant: ['natural_person', 'total'] },
      corrections: FIX,
    },
  ],
  [
    'two applicant columns summed',
    { rows: ['year'], cols: ['group'], rate: null, filters: { applicant: ['natural_person', 'total'] } },
  ],
  ['a rate', { rows: ['format', 'province'], cols: ['year'], rate: 'rate.disclosure' }],
  ['a rate, corrected', { rows: ['level'], cols: ['format'], rate: 'rate.disclosure', corrections: FIX }],
];

/** The figures a cell shows; lines that add nothing are left out (fewer dims can list them). */
const figures = (c: PivotCell | null | undefined) =>
  c && c.sum !== null ? [c.sum, c.denominator, c.reports, c.reported] : undefined;
const keyed = (cells: PivotCell[], key: (c: PivotCell) => string[]) =>
  new Map(cells.filter((c) => c.sum !== null).map((c) => [pivotKey(key(c)), figures(c)]));
const byRow = (cells: PivotCell[]) => keyed(cells, (c) => c.row);
const byCol = (cells: PivotCell[]) => keyed(cells, (c) => c.col);
const byCell = (cells: PivotCell[]) => keyed(cells, (c) => [...c.row, '|', ...c.col]);

describe('pivot totals rolled up from the finest grouping', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  /**
   * With fewer dims the defaults of the summed cells change (total handled, the total column), so
   * the shape's own cells are named as filters; and cells split by row or applicant count no
   * reports, so counts are compared only when the shape splits by report dims alone.
   */
  const ask = async (s: Shape, rows: readonly PivotDim[], cols: readonly PivotDim[], totals = true) => {
    const dims = [...s.rows, ...s.cols];
    const filters = { ...s.filters };
    if ((dims.includes('row') || dims.includes('group')) && !filters.row && !filters.group)
      filters.row = [...OUTCOME_ROWS];
    if (dims.includes('applicant') && !filters.applicant) filters.applicant = [...APPLICANT_COLUMNS];
    const a = await answerPivot(db, { ...s, filters, rows, cols, totals });
    if (dims.every((d) => PIVOT_DIM_SPEC[d].scope === 'report')) return a;
    const drop = (c: PivotCell): PivotCell => ({ ...c, reports: null, reported: null });
    return {
      ...a,
      cells: a.cells.map(drop),
      rowTotals: a.rowTotals.map(drop),
      colTotals: a.colTotals.map(drop),
      subtotals: a.subtotals.map(drop),
      subtotalTotals: a.subtotalTotals.map(drop),
      grandTotal: a.grandTotal && drop(a.grandTotal),
    };
  };

  it.each(SHAPES)('%s: every total equals the figure asked for directly', async (_, s) => {
    const full = await ask(s, s.rows, s.cols);
    expect(full.cells.length).toBeGreaterThan(0);
    expect(byRow(full.rowTotals)).toEqual(byRow((await ask(s, s.rows, [], false)).cells));
    expect(byCol(full.colTotals)).toEqual(byCol((await ask(s, [], s.cols, false)).cells));
    // Without totals the cells are the same figures.
    expect(byCell(full.cells)).toEqual(byCell((await ask(s, s.rows, s.cols, false)).cells));
    if (s.rows.length > 1) {
      const lead = s.rows.slice(0, 1);
      const direct = await ask(s, lead, s.cols, false);
      expect(byCell(full.subtotals)).toEqual(byCell(direct.cells));
      expect(byRow(full.subtotalTotals)).toEqual(byRow((await ask(s, lead, [], false)).cells));
    }
    // The grand total: the same without column dims (its () set).
    const grand = await ask(s, s.rows, []);
    expect(figures(full.grandTotal)).toEqual(figures(grand.grandTotal));
    expect(full.grandTotal?.sum).not.toBeNull();
  });
});

/**
 * One printed row (the default 总数) reads each report's line as is; several rows are summed per
 * report first. Both must count alike: a pivot of two rows is, cell by cell, the two one-row
 * pivots added up, with the same reports and, as reported, those with either figure.
 */
describe('pivot of one printed row against several', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  const ask = (row: string[], corrections?: CorrectedCell[]) =>
    answerPivot(db, {
      rows: ['province', 'format'],
      cols: ['year'],
      rate: null,
      filters: { row, applicant: ['natural_person', 'total'] },
      totals: true,
      corrections,
    });
  const cellsOf = (a: Awaited<ReturnType<typeof ask>>) =>
    new Map(
      [
        ...a.cells,
        ...a.rowTotals,
        ...a.colTotals,
        ...a.subtotals,
        ...(a.grandTotal ? [a.grandTotal] : []),
      ].map((c) => [pivotKey([...c.row, '|', ...c.col, c.row.length < 2 ? '(sub)' : '']), c]),
    );

  it.each([
    ['as printed', undefined],
    ['corrected', FIX],
  ])('%s', async (_, corrections) => {
    const both = cellsOf(await ask(['total_handled', 'granted'], corrections));
    const handled = cellsOf(await ask(['total_handled'], corrections));
    const granted = cellsOf(await ask(['granted'], corrections));
    expect(both.size).toBeGreaterThan(3);
    expect([...handled.keys()].sort()).toEqual([...both.keys()].sort());
    let summed = 0;
    for (const [k, c] of both) {
      const a = handled.get(k)!;
      const b = granted.get(k)!;
      expect(a.reports).toBe(c.reports);
      expect(b.reports).toBe(c.reports);
      const parts = [a.sum, b.sum].filter((v): v is number => v !== null);
      expect(c.sum).toBe(parts.length > 0 ? parts.reduce((x, y) => x + y, 0) : null);
      if (parts.length === 2) summed++;
      expect(c.reported).toBeGreaterThanOrEqual(Math.max(a.reported ?? 0, b.reported ?? 0));
      expect(c.reported).toBeLessThanOrEqual((a.reported ?? 0) + (b.reported ?? 0));
    }
    expect(summed).toBeGreaterThan(0);
  });
});
