/**
 * A unit's yearly values in each trend mode, from its absolute values: as printed (`absolute`),
 * as an index against its first year with a value (`relative`, first = 100), or as the change
 * against the calendar year before (`yoy`, %). Computed here rather than in SQL so that switching
 * mode re-shapes the rows already loaded instead of asking DuckDB again.
 */
import type { TrendMode } from '../vocab';

/** What a mode reads of one report: its unit, year, format and absolute value. */
export interface TrendPoint {
  unitId: string;
  year: number;
  format: string;
  /** The metric's value that year; null when blank, not comparable or undefined (0 / 0). */
  absolute: number | null;
}

export interface TrendValue {
  /** The value in the mode; null where it has none. */
  value: number | null;
  /**
   * It compares across the 2021 format change: an index whose base year is in the other format
   * (drawn, marked), or a YoY of 2021 against 2020 (value withheld: the formats count differently).
   */
  crossesBreak: boolean;
}

/**
 * Each point's value in `mode`, in the order given. A unit's points are taken in year order; the
 * YoY of a year needs the year before (a gap gives none), printed in the same format, not zero.
 */
export function trendValues(points: readonly TrendPoint[], mode: TrendMode): TrendValue[] {
  if (mode === 'absolute') return points.map((p) => ({ value: p.absolute, crossesBreak: false }));
  const out: TrendValue[] = new Array(points.length);
  for (const series of byUnit(points)) {
    if (mode === 'relative') {
      // The base: the unit's first year with a value, and that year's format.
      const base = series.find((i) => points[i]!.absolute !== null);
      const first = base === undefined ? null : points[base]!;
      for (const i of series) {
        const p = points[i]!;
        out[i] = {
          value:
            first !== null && first.absolute !== 0 && p.absolute !== null
              ? (100 * p.absolute) / first.absolute!
              : null,
          crossesBreak: first !== null && p.absolute !== null && first.format !== p.format,
        };
      }
    } else if (mode === 'yoy') {
      for (const [k, i] of series.entries()) {
        const p = points[i]!;
        const prev = k > 0 ? points[series[k - 1]!]! : null;
        const adjacent = prev !== null && prev.year === p.year - 1;
        const ok = adjacent && prev.format === p.format && prev.absolute !== null && prev.absolute !== 0;
        out[i] = {
          value: ok && p.absolute !== null ? (100 * (p.absolute - prev.absolute!)) / prev.absolute! : null,
          crossesBreak: adjacent && prev.format !== p.format,
        };
      }
    } else throw new Error(`invalid trend mode: ${String(mode)}`);
  }
  return out;
}

/** Indexes of `points` per unit, each in year order (stable: equal years keep their order). */
function byUnit(points: readonly TrendPoint[]): number[][] {
  const units = new Map<string, number[]>();
  for (const [i, p] of points.entries()) {
    const list = units.get(p.unitId);
    if (list) list.push(i);
    else units.set(p.unitId, [i]);
  }
  const out = [...units.values()];
  for (const list of out) list.sort((a, b) => points[a]!.year - points[b]!.year || a - b);
  return out;
}
