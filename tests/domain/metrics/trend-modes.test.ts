/** Trend modes from absolute values (src/domain/metrics/trend-modes.ts). */
import { describe, expect, it } from 'vitest';
import { type TrendPoint, trendValues } from '../../../src/domain/metrics/trend-modes';

const p = (
  unitId: string,
  year: number,
  absolute: number | null,
  format = year >= 2021 ? '2021' : '2019',
): TrendPoint => ({
  unitId,
  year,
  format,
  absolute,
});

const values = (points: TrendPoint[], mode: 'absolute' | 'relative' | 'yoy') =>
  trendValues(points, mode).map((v) => v.value);
const breaks = (points: TrendPoint[], mode: 'absolute' | 'relative' | 'yoy') =>
  trendValues(points, mode).map((v) => v.crossesBreak);

describe('trend modes', () => {
  it('absolute: the values as they are, never across a break', () => {
    const pts = [p('a', 2019, 10), p('a', 2021, 20)];
    expect(values(pts, 'absolute')).toEqual([10, 20]);
    expect(breaks(pts, 'absolute')).toEqual([false, false]);
  });

  it('relative: against the first year with a value; marked where that year is in the other format', () => {
    const pts = [
      p('a', 2018, null),
      p('a', 2019, 10),
      p('a', 2020, 15),
      p('a', 2021, 20),
      p('a', 2022, null),
    ];
    expect(values(pts, 'relative')).toEqual([null, 100, 150, 200, null]);
    expect(breaks(pts, 'relative')).toEqual([false, false, false, true, false]);
    // A base of zero indexes nothing.
    expect(values([p('b', 2021, 0), p('b', 2022, 5)], 'relative')).toEqual([null, null]);
  });

  it('yoy: only against the calendar year before, in the same format, not zero', () => {
    const pts = [p('a', 2018, 10), p('a', 2019, 15), p('a', 2021, 30), p('a', 2022, 0), p('a', 2023, 7)];
    // 2021: no 2020 report (a gap). 2023: the year before is zero.
    expect(values(pts, 'yoy')).toEqual([null, 50, null, -100, null]);
    expect(breaks(pts, 'yoy')).toEqual([false, false, false, false, false]);
    // 2021 against 2020 crosses the format change: withheld and marked.
    const change = [p('b', 2020, 10), p('b', 2021, 12)];
    expect(values(change, 'yoy')).toEqual([null, null]);
    expect(breaks(change, 'yoy')).toEqual([false, true]);
  });

  it('takes each unit on its own and in year order, whatever order the rows come in', () => {
    const pts = [p('b', 2022, 30), p('a', 2022, 4), p('b', 2021, 10), p('a', 2021, 2)];
    expect(values(pts, 'relative')).toEqual([300, 200, 100, 100]);
    expect(values(pts, 'yoy')).toEqual([200, 100, null, null]);
  });
});
