/**
 * The store applies the cross-field rules on every change, whatever action made it: a layout the
 * SQL builder would refuse (a rate split by applicant, row or group) never reaches the views.
 */
import { describe, expect, it } from 'vitest';
import { pivotSql } from '../../src/sql';
import { createUiStore, DEFAULT_STATE, decodeUrl, encodeUrl, urlStateOf } from '../../src/state';

const RATE = { kind: 'rate', metric: 'rate.disclosure' } as const;

/** What the pivot view would ask the SQL builder for. */
const sqlOf = (s: ReturnType<ReturnType<typeof createUiStore>['getState']>) =>
  pivotSql({
    rows: s.pivot.rows,
    cols: s.pivot.cols,
    value: s.pivot.measure.kind === 'rate' ? { metric: s.pivot.measure.metric } : 'sum',
    filters: s.pivot.filters,
    totals: true,
  });

describe('store: pivot rules on every change', () => {
  it('a rate, then cols=[applicant]: the rate gives way to a sum (the SQL builder would throw)', () => {
    const store = createUiStore();
    store.getState().setPivot({ measure: RATE });
    expect(store.getState().pivot.measure).toEqual(RATE);
    store.getState().setPivot({ cols: ['applicant'] });
    const s = store.getState();
    expect(s.pivot.cols).toEqual(['applicant']);
    expect(s.pivot.measure).toEqual({ kind: 'sum' });
    expect(() => sqlOf(s)).not.toThrow();
    // The link of this state reads back as the same state, silently (it no longer becomes `sum` on reload).
    const again = decodeUrl(encodeUrl(urlStateOf(s)));
    expect(again.notices).toEqual([]);
    expect(again.state.pivot).toEqual(s.pivot);
  });

  it('cols=[applicant], then a rate in one patch: normalised too', () => {
    const store = createUiStore();
    store.getState().setPivot({ rows: ['group'], cols: ['applicant'], measure: RATE });
    expect(store.getState().pivot.measure).toEqual({ kind: 'sum' });
  });

  it('applies the rules to `set`, `replace` and a direct setState', () => {
    const store = createUiStore();
    store.getState().set({ pivot: { ...DEFAULT_STATE.pivot, rows: ['row'], measure: RATE } });
    expect(store.getState().pivot.measure).toEqual({ kind: 'sum' });
    store
      .getState()
      .replace({ ...DEFAULT_STATE, pivot: { ...DEFAULT_STATE.pivot, cols: ['group'], measure: RATE } }, []);
    expect(store.getState().pivot.measure).toEqual({ kind: 'sum' });
    store.setState({ pivot: { ...DEFAULT_STATE.pivot, rows: [], cols: ['province'] } });
    expect(store.getState().pivot.rows).toEqual(DEFAULT_STATE.pivot.rows);
    expect(store.getState().pivot.cols).toEqual([]);
  });

  it('keeps a dimension on one axis and at least one row dimension', () => {
    const store = createUiStore();
    store.getState().setPivot({ rows: ['year', 'year', 'unit'], cols: ['year', 'format'] });
    expect(store.getState().pivot.rows).toEqual(['year', 'unit']);
    expect(store.getState().pivot.cols).toEqual(['format']);
    store.getState().setPivot({ rows: [] });
    expect(store.getState().pivot.rows).toEqual(DEFAULT_STATE.pivot.rows);
  });

  it('leaves a lawful layout as the same object (no needless re-render)', () => {
    const store = createUiStore();
    const before = store.getState().pivot;
    store.getState().set({ year: 2021 });
    expect(store.getState().pivot).toBe(before);
    store.getState().setPivot({ measure: RATE });
    const rate = store.getState().pivot;
    store.getState().setOutcome({ mode: 'count' });
    expect(store.getState().pivot).toBe(rate);
  });
});
