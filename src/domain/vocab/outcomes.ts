/** The outcome view's drill-down rule, shared by the URL decoder and the store. */
import { groupOfRow, type OutcomeGroup, type Table3Row } from '../keys';

export interface OutcomeDrill {
  /** null = the six groups stacked. */
  group: OutcomeGroup | null;
  /** One outcome row alone; null = every row of the drilled group. */
  row: Table3Row | null;
}

/**
 * A drilled row belongs to its group: a lone row brings its group, a row of another group is
 * dropped. Returns the same object when nothing changed.
 */
export function normaliseDrill<D extends OutcomeDrill>(d: D): { drill: D; dropped: boolean } {
  if (d.row === null) return { drill: d, dropped: false };
  const group = groupOfRow(d.row) as OutcomeGroup;
  if (d.group !== null && d.group !== group) return { drill: { ...d, row: null }, dropped: true };
  return d.group === group ? { drill: d, dropped: false } : { drill: { ...d, group }, dropped: false };
}

/** Most units a selection (and a link) may carry: the compare chart stays readable well below this. */
export const MAX_UNITS = 60;
