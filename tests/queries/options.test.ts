/**
 * Query factories (src/queries): equal questions share a key whatever order the UI built them
 * in, defaults are part of the key, and what only changes how an answer is shown is not.
 */
import { describe, expect, it } from 'vitest';
import { compareQuery } from '../../src/queries/compare';
import { outcomesQuery } from '../../src/queries/outcomes';
import { pivotQuery } from '../../src/queries/pivot';
import { qualityQuery } from '../../src/queries/quality';
import type { PivotParams } from '../../src/queries/types';
import { unitSearchQuery } from '../../src/queries/units';

describe('query keys', () => {
  it('normalise unit order, duplicates and defaults', () => {
    expect(compareQuery({ metric: 'm', year: 2021, units: ['b', 'a', 'b'] }).queryKey).toEqual(
      compareQuery({ metric: 'm', year: 2021, units: ['a', 'b'], order: 'desc', limit: 50 }).queryKey,
    );
    expect(compareQuery({ metric: 'm', year: 2021, units: ['a'] }).queryKey).not.toEqual(
      compareQuery({ metric: 'm', year: 2022, units: ['a'] }).queryKey,
    );
    expect(unitSearchQuery({ text: ' JY ' }).queryKey).toEqual(
      unitSearchQuery({ text: 'jy', limit: 50 }).queryKey,
    );
  });

  it('keep pivot dims in order and sort filter values', () => {
    const p = { measure: { kind: 'sum' } as const, filters: { year: ['2022', '2021'] } };
    expect(pivotQuery({ ...p, rows: ['unit', 'year'], cols: [] }).queryKey).not.toEqual(
      pivotQuery({ ...p, rows: ['year', 'unit'], cols: [] }).queryKey,
    );
    expect(pivotQuery({ ...p, rows: ['unit'], cols: [] }).queryKey).toEqual(
      pivotQuery({ rows: ['unit'], cols: [], measure: { kind: 'sum' }, filters: { year: ['2021', '2022'] } })
        .queryKey,
    );
  });

  it('leave out what only changes how the answer is shown', () => {
    const pivot: PivotParams = { rows: ['unit'], cols: ['year'], measure: { kind: 'sum' }, filters: {} };
    const shown = [
      pivotQuery(pivot),
      pivotQuery({ ...pivot, measure: { kind: 'share', of: 'row' } }),
      pivotQuery({ ...pivot, measure: { kind: 'share', of: 'total' }, sort: { by: 'label', dir: 'desc' } }),
      pivotQuery({ ...pivot, limit: 10 }),
    ];
    for (const q of shown) expect(q.queryKey).toEqual(shown[0]!.queryKey);
    // A rate is other SQL.
    expect(
      pivotQuery({ ...pivot, measure: { kind: 'rate', metric: 'rate.disclosure' } }).queryKey,
    ).not.toEqual(shown[0]!.queryKey);
    // …and so is a pivot without totals, but not a share that needs them.
    expect(pivotQuery({ ...pivot, totals: false }).queryKey).not.toEqual(shown[0]!.queryKey);
    expect(pivotQuery({ ...pivot, totals: false, measure: { kind: 'share', of: 'col' } }).queryKey).toEqual(
      shown[0]!.queryKey,
    );

    const o = { units: ['a'], year: 2021, by: 'group' as const };
    expect(outcomesQuery({ ...o, measure: 'count' }).queryKey).toEqual(
      outcomesQuery({ ...o, measure: 'share' }).queryKey,
    );
    expect(qualityQuery({}).queryKey).toEqual(
      qualityQuery({ problemsOnly: true, expected: [{ unitId: 'u', name: 'x' }] }).queryKey,
    );
    expect(qualityQuery({}).queryKey).not.toEqual(qualityQuery({ rules: ['r'] }).queryKey);
  });

  it('give the same select function for the same display params (react-query then keeps its result)', () => {
    const p: PivotParams = { rows: ['unit'], cols: [], measure: { kind: 'share', of: 'row' }, filters: {} };
    expect(pivotQuery(p).select).toBe(pivotQuery({ ...p, filters: { year: ['2021'] } }).select);
    expect(pivotQuery(p).select).not.toBe(pivotQuery({ ...p, measure: { kind: 'sum' } }).select);
  });
});
