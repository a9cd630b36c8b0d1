import { describe, expect, it } from 'vitest';
import { i18nFor } from '../../src/i18n';
import type { PivotResult } from '../../src/queries';
import { DEFAULT_STATE } from '../../src/state';
import { pivotCsv } from '../../src/ui/views/pivot/csv';
import { PIVOT_ROW_LIMIT, pivotParams } from '../../src/ui/views/pivot/params';

const cell = (row: string[], col: string[], value: number | null) => ({
  row,
  col,
  value,
  sum: value,
  denominator: null,
  reports: null,
  reported: null,
});

describe(pivotParams, () => {
  it('passes the store layout and filters on as the query params', () => {
    const p = pivotParams({
      ...DEFAULT_STATE.pivot,
      rows: ['unit'],
      cols: ['year'],
      filters: { year: ['2020', '2021'], level: ['county'], province: ['河南省'] },
      sort: { by: 'value', dir: 'desc' },
    });
    expect(p).toEqual({
      rows: ['unit'],
      cols: ['year'],
      measure: { kind: 'sum' },
      filters: { year: ['2020', '2021'], level: ['county'], province: ['河南省'] },
      sort: { by: 'value', dir: 'desc' },
      totals: true,
      limit: PIVOT_ROW_LIMIT,
    });
  });
});

describe(pivotCsv, () => {
  it('writes row dims, one column per column header, row totals and a totals row', () => {
    const result: PivotResult = {
      rowDims: ['province'],
      colDims: ['year'],
      rowHeaders: [['福建省'], ['河南省']],
      colHeaders: [['2019'], ['2020']],
      cells: [cell(['福建省'], ['2019'], 23), cell(['福建省'], ['2020'], 21), cell(['河南省'], ['2019'], 96)],
      rowTotals: [cell(['福建省'], [], 44), cell(['河南省'], [], 96)],
      colTotals: [cell([], ['2019'], 119), cell([], ['2020'], 21)],
      grandTotal: cell([], [], 140),
      subtotals: [],
      subtotalTotals: [],
      truncated: false,
    };
    const csv = pivotCsv(
      result,
      (d) => d,
      (c) => c.join('·'),
      'total',
    );
    expect(csv.header).toEqual(['province', '2019', '2020', 'total']);
    expect(csv.rows).toEqual([
      ['福建省', 23, 21, 44],
      ['河南省', 96, null, 96],
      ['total', 119, 21, 140],
    ]);
  });

  it('puts each group’s subtotal line (the query’s figures) after its rows, labelled', () => {
    const result: PivotResult = {
      rowDims: ['province', 'level'],
      colDims: ['year'],
      rowHeaders: [
        ['福建省', 'county'],
        ['福建省', 'township'],
        ['河南省', 'county'],
      ],
      colHeaders: [['2019']],
      cells: [
        cell(['福建省', 'county'], ['2019'], 3),
        cell(['福建省', 'township'], ['2019'], 4),
        cell(['河南省', 'county'], ['2019'], 5),
      ],
      rowTotals: [
        cell(['福建省', 'county'], [], 3),
        cell(['福建省', 'township'], [], 4),
        cell(['河南省', 'county'], [], 5),
      ],
      colTotals: [cell([], ['2019'], 12)],
      grandTotal: cell([], [], 12),
      // Deliberately not 3 + 4: the line shows what the query computed (a rate's Σnum/Σden).
      subtotals: [cell(['福建省'], ['2019'], 0.5), cell(['河南省'], ['2019'], 5)],
      subtotalTotals: [cell(['福建省'], [], 0.5), cell(['河南省'], [], 5)],
      truncated: false,
    };
    const csv = pivotCsv(
      result,
      (d) => d,
      (c) => c.join('·'),
      '合计',
      (_i, v) => v,
      '小计',
    );
    expect(csv.rows).toEqual([
      ['福建省', 'county', 3, 3],
      ['福建省', 'township', 4, 4],
      ['福建省', '小计', 0.5, 0.5],
      ['河南省', 'county', 5, 5],
      ['河南省', '小计', 5, 5],
      ['合计', '', 12, 12],
    ]);
  });

  it('writes rates and shares as percent, and says so in every value column', () => {
    const result: PivotResult = {
      rowDims: ['province'],
      colDims: ['year'],
      rowHeaders: [['福建省']],
      colHeaders: [['2019']],
      cells: [cell(['福建省'], ['2019'], 0.54321)],
      rowTotals: [cell(['福建省'], [], 0.5)],
      colTotals: [cell([], ['2019'], 0.25)],
      grandTotal: cell([], [], null),
      subtotals: [],
      subtotalTotals: [],
      truncated: false,
    };
    const csv = pivotCsv(
      result,
      (d) => d,
      (c) => c.join('·'),
      '合计',
      (_i, v) => v,
      '小计',
      {
        i18n: i18nFor('zh'),
        unit: 'rate',
      },
    );
    expect(csv.header).toEqual(['province', '2019（%）', '合计（%）']);
    expect(csv.rows).toEqual([
      ['福建省', 54.321, 50],
      ['合计', 25, null],
    ]);
  });
});
