import { describe, expect, it } from 'vitest';
import {
  copiedTables,
  findAnomalies,
  narrativeMismatches,
  oldFormat,
  peerOutliers,
  robustZ,
  yoyJumps,
} from '../../../src/domain/anomalies';
import { feat } from './make';

describe('yoy_jump', () => {
  it('flags a tenfold rise or fall between consecutive years, on the later report', () => {
    const up = yoyJumps([feat({ year: 2021, received: 95 }), feat({ year: 2022, received: 950 })]);
    expect(up).toEqual([
      expect.objectContaining({
        rule: 'yoy_jump',
        reportId: '某县人民政府-2022',
        value: 950,
        reference: 95,
        detail: 10,
      }),
    ]);
    const down = yoyJumps([feat({ year: 2021, received: 1200 }), feat({ year: 2022, received: 120 })]);
    expect(down).toHaveLength(1);
  });

  it('does not flag a tripling, small counts, a gap year, blanks or two units with one name', () => {
    expect(yoyJumps([feat({ year: 2021, received: 40 }), feat({ year: 2022, received: 120 })])).toEqual([]);
    expect(yoyJumps([feat({ year: 2021, received: 1 }), feat({ year: 2022, received: 15 })])).toEqual([]);
    expect(yoyJumps([feat({ year: 2020, received: 10 }), feat({ year: 2022, received: 900 })])).toEqual([]);
    expect(yoyJumps([feat({ year: 2021, received: null }), feat({ year: 2022, received: 900 })])).toEqual([]);
    // Same name in two regions: not one unit's series.
    expect(
      yoyJumps([
        feat({ year: 2021, received: 10, unit: '公安局', unitKey: '110101|公安局' }),
        feat({ year: 2022, received: 900, unit: '公安局', unitKey: '320813|公安局' }),
      ]),
    ).toEqual([]);
  });

  it('counts a zero year as one', () => {
    expect(yoyJumps([feat({ year: 2021, received: 0 }), feat({ year: 2022, received: 25 })])).toHaveLength(1);
  });
});

describe('peer_outlier', () => {
  const peers = (rates: number[], over: (i: number) => object = () => ({})) =>
    rates.map((r, i) =>
      feat({
        year: 2022,
        unit: `单位${i}`,
        unitKey: `x|单位${i}`,
        rateNum: r * 100,
        rateDen: 100,
        ...over(i),
      }),
    );

  it('flags a rate far from the median of its year, province and level', () => {
    const out = peerOutliers(peers([0.6, 0.62, 0.58, 0.61, 0.59, 0.6, 0.05]));
    expect(out).toEqual([
      expect.objectContaining({
        rule: 'peer_outlier',
        unit: '单位6',
        value: 0.05,
        reference: 0.6,
        detail: 7,
      }),
    ]);
  });

  it('falls back to the mean deviation when most peers share one rate', () => {
    const out = peerOutliers(peers([1, 1, 1, 1, 1, 1, 0.2]));
    expect(out.map((a) => a.unit)).toEqual(['单位6']);
  });

  it('does not flag ordinary spread, small groups, small denominators or peers of another province', () => {
    expect(peerOutliers(peers([0.4, 0.5, 0.6, 0.7, 0.8, 0.55, 0.65]))).toEqual([]);
    expect(peerOutliers(peers([0.6, 0.6, 0.6, 0.05]))).toEqual([]);
    expect(
      peerOutliers(
        peers([0.6, 0.62, 0.58, 0.61, 0.59, 0.6, 0.05], (i) => (i === 6 ? { rateDen: 5, rateNum: 0 } : {})),
      ),
    ).toEqual([]);
    expect(
      peerOutliers(
        peers([0.6, 0.62, 0.58, 0.61, 0.59, 0.6, 0.05], (i) => (i === 6 ? { province: '河北省' } : {})),
      ),
    ).toEqual([]);
    expect(peerOutliers(peers([1, 1, 1, 1, 1, 1]))).toEqual([]);
  });

  it('robustZ is the modified z-score', () => {
    const z = robustZ([1, 2, 3, 4, 100]);
    // median 3, MAD 1
    expect(z[4]).toBeCloseTo(0.6745 * 97);
    expect(z[2]).toBe(0);
  });
});

describe('copied_table', () => {
  it('flags a table equal to the same unit’s table the year before', () => {
    const out = copiedTables([
      feat({ year: 2021, t3Digest: 'same' }),
      feat({ year: 2022, t3Digest: 'same' }),
    ]);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'copied_table', year: 2022, detail: 2021, value: 12 }),
    ]);
  });

  it('does not flag a changed table, an all-zero table, a gap year or another unit’s equal table', () => {
    expect(copiedTables([feat({ year: 2021 }), feat({ year: 2022 })])).toEqual([]);
    expect(
      copiedTables([
        feat({ year: 2021, t3Digest: 'z', t3Nonzero: 0 }),
        feat({ year: 2022, t3Digest: 'z', t3Nonzero: 0 }),
      ]),
    ).toEqual([]);
    expect(copiedTables([feat({ year: 2020, t3Digest: 's' }), feat({ year: 2022, t3Digest: 's' })])).toEqual(
      [],
    );
    expect(
      copiedTables([
        feat({ year: 2021, t3Digest: 's' }),
        feat({ year: 2022, t3Digest: 's', unitKey: 'other|某县人民政府' }),
      ]),
    ).toEqual([]);
    expect(
      copiedTables([feat({ year: 2021, t3Digest: null }), feat({ year: 2022, t3Digest: null })]),
    ).toEqual([]);
  });
});

describe('old_format', () => {
  it('flags a 2019-format report for 2022 or later', () => {
    expect(oldFormat([feat({ year: 2023, format: '2019' })])).toEqual([
      expect.objectContaining({ rule: 'old_format', year: 2023 }),
    ]);
  });
  it('does not flag the 2019 format up to 2021 nor the 2021 format', () => {
    expect(oldFormat([feat({ year: 2021, format: '2019' }), feat({ year: 2023, format: '2021' })])).toEqual(
      [],
    );
  });
});

describe('narrative_total', () => {
  const check = {
    reportId: 'r',
    unit: '洪泽区',
    province: '江苏省',
    year: 2024,
    location: 'table3.new_received.total',
  };
  it('reads back the narrative.total failure: prose figure as reference, table figure as value', () => {
    expect(narrativeMismatches([{ ...check, rule: 'narrative.total', expected: 17, actual: 95 }])).toEqual([
      {
        rule: 'narrative_total',
        reportId: 'r',
        unit: '洪泽区',
        province: '江苏省',
        year: 2024,
        value: 95,
        reference: 17,
        detail: 3,
      },
    ]);
  });
  it('ignores other failed checks', () => {
    expect(narrativeMismatches([{ ...check, rule: 'table3.row_sum', expected: 17, actual: 95 }])).toEqual([]);
  });
});

describe('findAnomalies', () => {
  it('never changes a figure: the input is left as it was', () => {
    const input = [
      feat({ year: 2021, received: 5, t3Digest: 's' }),
      feat({ year: 2022, received: 500, t3Digest: 's' }),
    ];
    const copy = structuredClone(input);
    const out = findAnomalies(input, []);
    expect(out.map((a) => a.rule)).toEqual(['copied_table', 'yoy_jump']);
    expect(input).toEqual(copy);
  });
});
