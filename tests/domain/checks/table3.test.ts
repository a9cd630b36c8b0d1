import { describe, expect, it } from 'vitest';
import { columnBalance, outcomeSum, rowSum } from '../../../src/domain/checks';
import type { TableValues } from '../../../src/domain/report';

const row = (a: number | null, total: number | null): Record<string, number | null> => ({
  natural_person: a,
  commercial: 0,
  research: 0,
  social_org: 0,
  legal_service: 0,
  other: 0,
  total,
});

const consistent: TableValues = {
  new_received: row(5, 5),
  carried_over: row(1, 1),
  granted: row(3, 3),
  unable_not_held: row(2, 2),
  total_handled: row(5, 5),
  carried_forward: row(1, 1),
};

describe(columnBalance, () => {
  it('passes a consistent table', () => {
    expect(columnBalance(consistent)).toEqual([]);
  });
  it('flags a column where intake ≠ handled + forward', () => {
    const t = { ...consistent, carried_forward: row(2, 2) };
    expect(columnBalance(t)).toEqual([
      expect.objectContaining({
        rule: 'table3.column_balance',
        where: 'table3.*.natural_person',
        expected: 6,
        actual: 7,
      }),
      expect.objectContaining({ where: 'table3.*.total', expected: 6, actual: 7 }),
    ]);
  });
  it('skips a column with a blank operand (blank is not zero)', () => {
    expect(columnBalance({ ...consistent, carried_forward: row(null, 2) })).toEqual([
      expect.objectContaining({ where: 'table3.*.total' }),
    ]);
  });
});

describe(outcomeSum, () => {
  it('flags outcome rows that do not add up to total_handled', () => {
    const t = { ...consistent, total_handled: row(20, 20) };
    const out = outcomeSum(t);
    expect(out[0]).toMatchObject({
      rule: 'table3.outcome_sum',
      where: 'table3.*.natural_person',
      expected: 20,
      actual: 5,
    });
    expect(out[0]!.message).toMatch(/总计/);
  });
  it('skips a column where an outcome cell is blank, and a table without total_handled', () => {
    expect(outcomeSum({ ...consistent, granted: row(null, 3) })).toEqual([]);
    const { total_handled: _, ...noTotal } = consistent;
    expect(outcomeSum(noTotal)).toEqual([]);
  });
});

describe(rowSum, () => {
  it('flags a row whose six applicant columns do not sum to total', () => {
    expect(rowSum({ granted: row(3, 4) })).toEqual([
      expect.objectContaining({ rule: 'table3.row_sum', where: 'table3.granted.*', expected: 4, actual: 3 }),
    ]);
  });
  it('skips rows with a blank cell or a blank total', () => {
    expect(rowSum({ granted: row(null, 4), partially_granted: row(3, null) })).toEqual([]);
  });
});
