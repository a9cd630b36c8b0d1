import type { OutcomeRow } from '../../../queries';

/** One bar of the outcomes chart: its segments' values in stack-key order. */
export interface StackDatum {
  unitId: string;
  /** The bar's name on the axis. */
  unit: string;
  /** Per stack key (same order as `keys`); null = no figure. */
  values: (number | null)[];
  /** Sum of the segments: the bar's value, shown at its end. */
  total: number;
  /** Sum of the positive segments: the length drawn (a count below zero has no segment). */
  extent: number;
  /** What the bars are ordered by: the total, or with full 100 % stacks the first key's share. */
  sort: number;
}

/**
 * The bars of the outcomes chart, largest first (ties keep `units`' order): one per unit of
 * `units`, its segments from `rows` (unit × key). With `fullStacks` every bar is 100 %, so the
 * bars are ordered by the first key's share instead.
 */
export function stackData(
  rows: readonly OutcomeRow[],
  units: readonly string[],
  keys: readonly string[],
  label: (unitId: string) => string,
  fullStacks: boolean,
): StackDatum[] {
  const col = new Map(keys.map((k, i) => [k, i]));
  const byUnit = new Map<string, StackDatum>(
    units.map((u) => [
      u,
      { unitId: u, unit: label(u), values: keys.map(() => null), total: 0, extent: 0, sort: 0 },
    ]),
  );
  for (const r of rows) {
    const d = byUnit.get(r.unitId);
    const i = col.get(r.key);
    if (d && i !== undefined) d.values[i] = r.value;
  }
  const data = [...byUnit.values()];
  for (const d of data) {
    for (const v of d.values) {
      if (v === null) continue;
      d.total += v;
      if (v > 0) d.extent += v;
    }
    d.sort = fullStacks ? (d.values[0] ?? 0) : d.total;
  }
  return data.sort((a, b) => b.sort - a.sort);
}
