/** Trend rows → one point per year (every year of the range, so a missing year is a gap). */
import type { TrendRow } from '../../../queries';
import type { Scale } from '../../../state';

export interface Gap {
  unit: string;
  year: number;
}

/** One year of the chart: `year` and one value (or null) per unit_id. */
export type TrendPointRow = Record<string, number | null> & { year: number };

export interface TrendSeries {
  /** One object per year of the range: `year` and one value (or null) per unit. */
  data: TrendPointRow[];
  years: number[];
  /** Years inside a unit's span with no report: drawn as breaks in its line, with a marker. */
  gaps: Gap[];
}

export function buildSeries(rows: readonly TrendRow[], units: readonly string[], scale: Scale): TrendSeries {
  const have = new Map<string, Set<number>>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    min = Math.min(min, r.year);
    max = Math.max(max, r.year);
    const s = have.get(r.unitId) ?? new Set<number>();
    s.add(r.year);
    have.set(r.unitId, s);
  }
  const years: number[] = [];
  for (let y = min; y <= max; y++) years.push(y);
  const byYear = new Map<number, TrendPointRow>();
  for (const y of years) {
    // Keyed by unit_id (data): a null-prototype point, so no key can reach Object.prototype.
    const point = Object.assign(Object.create(null) as TrendPointRow, { year: y });
    for (const u of units) point[u] = null;
    byYear.set(y, point);
  }
  for (const r of rows) {
    const point = byYear.get(r.year);
    // a log axis cannot place zero or negatives: leave a gap rather than a false point
    if (point && units.includes(r.unitId))
      point[r.unitId] = r.value !== null && (scale === 'linear' || r.value > 0) ? r.value : null;
  }
  const gaps: Gap[] = [];
  for (const u of units) {
    const s = have.get(u);
    if (!s || s.size === 0) continue;
    const first = Math.min(...s);
    const last = Math.max(...s);
    for (let y = first + 1; y < last; y++) if (!s.has(y)) gaps.push({ unit: u, year: y });
  }
  return { data: years.map((y) => byYear.get(y)!), years, gaps };
}

/**
 * A unit's line as runs of consecutive placed points ([x, y] from `place`): a year without a
 * value, or one `place` cannot put on the chart, ends a run, so the line breaks there.
 */
export function lineRuns(
  data: readonly TrendPointRow[],
  unit: string,
  place: (year: number, value: number) => [number, number] | null,
): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] | null = null;
  for (const pt of data) {
    const v = pt[unit];
    const at = v === null || v === undefined ? null : place(pt.year, v);
    if (at === null) {
      run = null;
      continue;
    }
    if (!run) {
      run = [];
      runs.push(run);
    }
    run.push(at);
  }
  return runs;
}
