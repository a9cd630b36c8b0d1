import { describe, expect, it } from 'vitest';
import { crossYearFailures } from '../../cli/lib/cross-year';
import type { Candidate } from '../../cli/lib/dedupe';
import { handReport } from '../dataset/fixtures';

const year = (unit: string, y: number, carriedOver: number, carriedForward: number): Candidate => ({
  file: `${unit}_${y}.txt`,
  report: handReport({
    unit,
    year: y,
    table3: { carried_over: { total: carriedOver }, carried_forward: { total: carriedForward } },
  }),
  regionCode: '350128',
  unitKind: 'government',
});

describe(crossYearFailures, () => {
  it("flags the later report when last year's carried_forward is not this year's carried_over", () => {
    const a = year('平潭综合实验区', 2021, 0, 5);
    const b = year('平潭综合实验区', 2022, 4, 0);
    const failures = crossYearFailures([b, a]);
    expect(failures.has(a)).toBe(false);
    expect(failures.get(b)).toEqual([
      expect.objectContaining({
        rule: 'cross_year.carry',
        where: 'table3.carried_over.total',
        expected: 5,
        actual: 4,
      }),
    ]);
    expect(failures.get(b)?.[0]).not.toHaveProperty('year');
  });

  it('compares only one body with itself', () => {
    const a = year('平潭综合实验区', 2021, 0, 5);
    const other = { ...year('雁塔区统计局', 2022, 4, 0), unitKind: 'department', regionCode: '610113' };
    expect(crossYearFailures([a, other]).size).toBe(0);
  });
});
