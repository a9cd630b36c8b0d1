import { dimAllowed } from '../../../domain/vocab';
import { PIVOT_DIMS, type PivotDim, type PivotState } from '../../../state';

export type Axis = 'rows' | 'cols';

/**
 * What a slot of an axis offers, in its picker's order: none ('') where the slot may be empty,
 * then its own dimension and those on neither axis that the measure allows.
 */
export function slotChoices(pivot: PivotState, axis: Axis, slot: number): string[] {
  const dims = pivot[axis];
  const other = axis === 'rows' ? pivot.cols : pivot.rows;
  const none = axis === 'cols' || slot > 0 ? [''] : [];
  return [
    ...none,
    ...PIVOT_DIMS.filter(
      (d) => d === dims[slot] || (!dims.includes(d) && !other.includes(d) && dimAllowed(d, pivot.measure)),
    ),
  ];
}

/** The axis once `value` is chosen in `slot` ('' empties it); null if no row dimension would be left. */
export function withSlot(pivot: PivotState, axis: Axis, slot: number, value: string): PivotDim[] | null {
  const next = [...pivot[axis]];
  if (value === '') next.splice(slot, 1);
  else next[slot] = value as PivotDim;
  const clean = next.filter((d, i) => d && next.indexOf(d) === i);
  return axis === 'rows' && clean.length === 0 ? null : clean;
}
