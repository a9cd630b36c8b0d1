import { describe, expect, it } from 'vitest';
import type { TrendRow } from '../../src/queries';
import { buildSeries, lineRuns } from '../../src/ui/views/trends/series';

// Series are keyed by unit_id; the tests use names as ids (any string is a key).
const row = (unit: string, year: number, value: number | null): TrendRow => ({
  unitId: unit,
  unit,
  reportId: `${unit}-${year}`,
  year,
  format: year >= 2021 ? '2021' : '2019',
  value,
  absolute: value,
  comparable: true,
  checkFailures: 0,
  crossesBreak: false,
});

describe(buildSeries, () => {
  it('keeps a missing year as a null point and lists it as a gap', () => {
    const s = buildSeries(
      [row('平潭', 2022, 5), row('平潭', 2024, 9), row('甲', 2023, 1)],
      ['平潭', '甲'],
      'linear',
    );
    expect(s.years).toEqual([2022, 2023, 2024]);
    expect(s.data.map((d) => d.平潭)).toEqual([5, null, 9]);
    expect(s.gaps).toEqual([{ unit: '平潭', year: 2023 }]);
  });

  it('gives every year of the range even when no unit has it, and no gap outside a unit’s span', () => {
    const s = buildSeries([row('A', 2019, 1), row('A', 2022, 2), row('B', 2021, 3)], ['A', 'B'], 'linear');
    expect(s.years).toEqual([2019, 2020, 2021, 2022]);
    expect(s.gaps).toEqual([
      { unit: 'A', year: 2020 },
      { unit: 'A', year: 2021 },
    ]);
  });

  it('leaves zero and negatives out on a log axis', () => {
    const s = buildSeries([row('A', 2019, 0), row('A', 2020, 4)], ['A'], 'log');
    expect(s.data.map((d) => d.A)).toEqual([null, 4]);
  });
});

describe(lineRuns, () => {
  it('breaks a line at a year without a value, and where a point cannot be placed', () => {
    const { data } = buildSeries(
      [row('甲', 2019, 1), row('甲', 2020, 2), row('甲', 2022, 4), row('甲', 2023, 0), row('甲', 2024, 5)],
      ['甲'],
      'linear',
    );
    const place = (year: number, v: number): [number, number] | null => (v > 0 ? [year, v] : null);
    expect(lineRuns(data, '甲', place)).toEqual([
      [
        [2019, 1],
        [2020, 2],
      ],
      [[2022, 4]],
      [[2024, 5]],
    ]);
    expect(lineRuns(data, '乙', place)).toEqual([]);
  });
});
