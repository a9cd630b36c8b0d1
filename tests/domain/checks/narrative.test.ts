import { describe, expect, it } from 'vitest';
import { checkReport, narrativeTotals } from '../../../src/domain/checks';

const tables = {
  table3: { new_received: { total: 95 }, carried_over: { total: 4 } },
  table4: { review: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 } },
};

describe(narrativeTotals, () => {
  it('flags a prose total of requests that differs from table 三, across a wrapped line', () => {
    const out = narrativeTotals(tables, '2024 年，区政府办受理政府\n信息公开申请 17 件，均已答复。');
    expect(out).toEqual([
      expect.objectContaining({
        rule: 'narrative.total',
        where: 'table3.new_received.total',
        expected: 17,
        actual: 95,
      }),
    ]);
  });
  it('accepts prose that counts new plus carried-over requests', () => {
    expect(narrativeTotals(tables, '全年共受理政府信息公开申请 99 件。')).toEqual([]);
    expect(narrativeTotals(tables, '共收到95份政府信息公开申请。')).toEqual([]);
  });
  it('checks 行政复议 totals, not a neighbouring 行政诉讼 count', () => {
    expect(narrativeTotals(tables, '共有行政诉讼案件1件、行政复议案件2件。')).toEqual([]);
    expect(narrativeTotals(tables, '发生行政复议案件 3 件。')).toEqual([
      expect.objectContaining({ where: 'table4.review.total', expected: 3, actual: 2 }),
    ]);
  });
  it('says nothing when the prose states no total', () => {
    expect(narrativeTotals(tables, '依法妥善办理政府信息公开申请。')).toEqual([]);
    expect(checkReport(tables)).toEqual([]);
  });
});
