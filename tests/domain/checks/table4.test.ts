import { describe, expect, it } from 'vitest';
import { table4GroupSum } from '../../../src/domain/checks';

describe(table4GroupSum, () => {
  it('flags a group whose results do not sum to total and skips blanks', () => {
    const out = table4GroupSum({
      review: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 },
      litigation_direct: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigation_after_review: { upheld: null, corrected: 0, other: 0, pending: 0, total: 9 },
    });
    expect(out).toEqual([
      expect.objectContaining({ rule: 'table4.group_sum', where: 'table4.review.*', expected: 3, actual: 2 }),
    ]);
  });
});
