import { describe, expect, it } from 'vitest';
import { crossYear } from '../../../src/domain/checks';
import type { Report } from '../../../src/domain/report';

function report(year: number, over: number, forward: number, inForce?: [number, number, number]): Report {
  return {
    unit: '某县',
    year,
    format: '2021',
    region: null,
    table3: { carried_over: { total: over }, carried_forward: { total: forward } },
    table4: {},
    table2: inForce
      ? { regulations: { issued: inForce[0], repealed: inForce[1], in_force: inForce[2] } }
      : {},
    raw: {},
    checks: [],
    source: { file: '', sha256: '' },
  };
}

describe(crossYear, () => {
  it('flags a carry that does not match last year, in any input order', () => {
    const out = crossYear([report(2023, 4, 0), report(2022, 0, 3)]);
    expect(out).toEqual([
      expect.objectContaining({
        year: 2023,
        rule: 'cross_year.carry',
        where: 'table3.carried_over.total',
        expected: 3,
        actual: 4,
      }),
    ]);
  });
  it('compares only consecutive years', () => {
    expect(crossYear([report(2020, 0, 3), report(2022, 9, 0)])).toEqual([]);
  });
  it('checks in_force = last year in_force + issued − repealed for the 2021 format', () => {
    const ok = crossYear([report(2022, 0, 0, [1, 0, 10]), report(2023, 0, 0, [3, 1, 12])]);
    expect(ok).toEqual([]);
    const bad = crossYear([report(2022, 0, 0, [1, 0, 10]), report(2023, 0, 0, [3, 1, 15])]);
    expect(bad).toEqual([expect.objectContaining({ rule: 'cross_year.in_force', expected: 12, actual: 15 })]);
  });
});
