/** The pivot's axis pickers (src/ui/views/pivot/slots.ts): what a slot offers, and the axis a choice makes. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type PivotState } from '../../../../src/state';
import { slotChoices, withSlot } from '../../../../src/ui/views/pivot/slots';

const pivot = (over: Partial<PivotState>): PivotState => ({ ...DEFAULT_STATE.pivot, ...over });

describe('pivot slots', () => {
  it('offers a slot its own dimension and those on neither axis, none only where it may be empty', () => {
    const p = pivot({ rows: ['province'], cols: ['year'] });
    const rows0 = slotChoices(p, 'rows', 0);
    expect(rows0[0]).toBe('unit');
    expect(rows0).toContain('province');
    expect(rows0).not.toContain('year');
    expect(rows0).not.toContain('');
    const cols0 = slotChoices(p, 'cols', 0);
    expect(cols0[0]).toBe('');
    expect(cols0).toContain('year');
    expect(cols0).not.toContain('province');
  });

  it('a rate offers no split by row, group or applicant', () => {
    const p = pivot({ measure: { kind: 'rate', metric: 'rate.disclosure' } as PivotState['measure'] });
    for (const d of ['row', 'group', 'applicant']) expect(slotChoices(p, 'cols', 0)).not.toContain(d);
  });

  it('makes the axis a choice gives, and refuses to leave no row dimension', () => {
    const p = pivot({ rows: ['province', 'level'], cols: ['year'] });
    expect(withSlot(p, 'rows', 0, 'prefecture')).toEqual(['prefecture', 'level']);
    expect(withSlot(p, 'rows', 1, '')).toEqual(['province']);
    expect(withSlot(p, 'cols', 0, '')).toEqual([]);
    expect(withSlot(pivot({ rows: ['province'] }), 'rows', 0, '')).toBeNull();
    // A dimension chosen twice stays once.
    expect(withSlot(p, 'rows', 1, 'province')).toEqual(['province']);
  });
});
