/**
 * The rule counts are their own query, keyed by the scope without the rule filter (they ignore
 * it): choosing a rule finds them cached. The failed checks' total is that of the chosen rule.
 */
import { describe, expect, it } from 'vitest';
import { qualityQuery, qualityRulesQuery, withRuleCounts } from '../../src/queries/quality';

describe('quality rule counts', () => {
  it('are asked once per scope, whatever the rule filter', () => {
    const scope = { years: [2021], provinces: ['河南省'] };
    const none = qualityRulesQuery(scope).queryKey;
    expect(qualityRulesQuery({ ...scope, rules: ['table3.row_sum'] }).queryKey).toEqual(none);
    expect(qualityRulesQuery({ ...scope, problemsOnly: true, checksLimit: 5 }).queryKey).toEqual(none);
    // A new scope or review filter asks again; the grid itself is asked per rule.
    expect(qualityRulesQuery({ ...scope, years: [2022] }).queryKey).not.toEqual(none);
    expect(qualityRulesQuery({ ...scope, reviewed: { keys: ['k'], in: true } }).queryKey).not.toEqual(none);
    expect(qualityQuery({ ...scope, rules: ['table3.row_sum'] }).queryKey).not.toEqual(
      qualityQuery(scope).queryKey,
    );
  });

  it('give the failed checks total of the chosen rule, or of all', () => {
    const grid = { years: [], units: [], checks: [], summary: { reported: 0, failed: 0, missing: 0 } };
    const rules = [
      { rule: 'a', count: 3 },
      { rule: 'b', count: 4 },
    ];
    expect(withRuleCounts(grid, rules, undefined)).toMatchObject({ rules, checksTotal: 7 });
    expect(withRuleCounts(grid, rules, ['b']).checksTotal).toBe(4);
    expect(withRuleCounts(grid, rules, ['c']).checksTotal).toBe(0);
  });
});
