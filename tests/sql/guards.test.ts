/**
 * The rules that keep user input out of SQL text (query keys: tests/queries/options.test.ts). What the
 * builders compute is tested on the engine (./run.test.ts), not by comparing SQL text.
 */

import { describe, expect, it } from 'vitest';
import { trendValues } from '../../src/domain/metrics/trend-modes';
import {
  compareSql,
  coverageSql,
  id,
  outcomesSql,
  pivotSql,
  reportRowSql,
  trendsSql,
  unitSearchSql,
} from '../../src/sql';
import { regionPrefix } from '../../src/sql/units';

const HOSTILE = `'; DROP TABLE reports; --`;

describe('user input', () => {
  it('is bound, never spliced', () => {
    const builders = [
      compareSql({ metric: 't3.granted', year: 2021, units: [HOSTILE], province: HOSTILE }),
      trendsSql({ metric: 't3.granted', units: [HOSTILE] }),
      outcomesSql({ units: [HOSTILE], year: 2021, by: 'group', groups: [HOSTILE] }),
      pivotSql({
        rows: ['unit'],
        cols: [],
        value: 'sum',
        filters: { unit: [HOSTILE], province: [HOSTILE], unit_kind: [HOSTILE] },
        totals: true,
      }),
      reportRowSql({ reportId: HOSTILE }),
      coverageSql({ units: [HOSTILE], rules: [HOSTILE] }),
      unitSearchSql({ text: HOSTILE, province: HOSTILE }),
    ];
    for (const q of builders) {
      expect(q.sql).not.toContain('DROP');
      // unit search lower-cases its text before binding it
      expect(q.params.some((p) => p === HOSTILE || p === HOSTILE.toLowerCase())).toBe(true);
    }
  });

  it('rejects identifiers outside the whitelist and unknown metrics, dims, applicants', () => {
    expect(() => id('reports; DROP' as never)).toThrow('identifier not in the schema whitelist');
    expect(id('table')).toBe('"table"');
    expect(() => compareSql({ metric: HOSTILE, year: 2021, units: [] })).toThrow(
      `unknown metric: ${HOSTILE}`,
    );
    expect(() =>
      pivotSql({ rows: [HOSTILE as never], cols: [], value: 'sum', filters: {}, totals: true }),
    ).toThrow('invalid pivot dimension');
    expect(() => outcomesSql({ units: [], year: 1, by: 'group', applicant: HOSTILE as never })).toThrow(
      'invalid applicant',
    );
    // The mode is applied in JS to the absolute rows (never reaches SQL), and only a known one.
    const point = { unitId: 'a', year: 2021, format: '2021', absolute: 1 };
    expect(() => trendValues([point], HOSTILE as never)).toThrow('invalid trend mode');
  });
});

describe('regionPrefix', () => {
  it('strips the zero padding of lower levels', () => {
    expect([regionPrefix('410000'), regionPrefix('419000'), regionPrefix('419001')]).toEqual([
      '41',
      '4190',
      '419001',
    ]);
  });
});
