import { describe, expect, it } from 'vitest';
import { evaluateMetric, getMetric, isMetricId, METRICS, rowsOfGroup } from '../../src/domain/metrics';
import { metricTable } from '../../src/sql/metric';

/** A 2021-format report, numbers chosen by hand. */
const CELLS: Record<string, number | null> = {
  'table3.new_received.natural_person': 15,
  'table3.new_received.commercial': 3,
  'table3.new_received.research': 1,
  'table3.new_received.social_org': null,
  'table3.new_received.legal_service': 1,
  'table3.new_received.total': 20,
  'table3.carried_over.total': 5,
  'table3.granted.total': 10,
  'table3.partially_granted.total': 2,
  'table3.withheld_state_secret.total': 1,
  'table3.withheld_third_party_rights.total': 2,
  'table3.unable_not_held.total': 3,
  'table3.rejected_repeated.total': 1,
  'table3.rejected_excessive.total': 1,
  'table3.other_overdue_correction.total': 1,
  'table3.other_other.total': 1,
  'table3.total_handled.total': 22,
  'table3.carried_forward.total': 3,
  'table4.review.corrected': 2,
  'table4.review.total': 6,
  'table4.review.pending': 1,
  'table4.litigation_direct.corrected': 1,
  'table4.litigation_direct.total': 4,
  'table4.litigation_direct.pending': 2,
  'table4.litigation_after_review.corrected': 0,
  'table4.litigation_after_review.total': 3,
  'table4.litigation_after_review.pending': 0,
  'table2.licensing.decisions': 120,
  'table2.regulations.in_force': 7,
};
const cell = (t: string, r: string, c: string) => CELLS[`${t}.${r}.${c}`];
const value = (id: string, format: '2019' | '2021' = '2021') =>
  evaluateMetric(getMetric(id), format, cell).value;

describe('metrics catalogue', () => {
  it('has unique URL-safe ids, labels and formulas in both languages', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRICS) {
      expect(m.id).toMatch(/^[a-z0-9_.]+$/);
      expect(m.label.zh && m.label.en && m.formula.zh && m.formula.en).toBeTruthy();
      expect(m.unit === 'rate').toBe(m.denominator !== undefined);
      expect(() => metricTable(m)).not.toThrow();
    }
    expect(isMetricId('rate.disclosure')).toBe(true);
    expect(isMetricId('nope')).toBe(false);
    expect(() => getMetric('nope')).toThrow('unknown metric: nope');
  });

  it('covers every table-三 row, group, applicant column, table-四 cell and cross-format decisions', () => {
    expect(METRICS.filter((m) => m.category === 'table3_row')).toHaveLength(26);
    expect(METRICS.filter((m) => m.category === 'table3_group')).toHaveLength(6);
    expect(METRICS.filter((m) => m.category === 'table4')).toHaveLength(15);
    for (const id of [
      't3.new_received.commercial',
      't2.licensing.decisions',
      't2.penalty.decisions',
      't2.coercion.decisions',
    ]) {
      expect(getMetric(id).formats).toEqual(['2019', '2021']);
    }
  });

  it('computes counts and group sums', () => {
    expect(value('t3.new_received')).toBe(20);
    expect(value('t3.group.withheld')).toBe(3);
    expect(value('t3.group.other')).toBe(2);
    expect(value('t3.new_received.legal_person')).toBe(5);
    expect(value('t4.review.corrected')).toBe(2);
    expect(value('t2.licensing.decisions')).toBe(120);
  });

  it('computes rates with their stated denominators', () => {
    expect(value('rate.disclosure')).toBe(12 / 22);
    expect(value('rate.withheld')).toBe(3 / 22);
    expect(value('rate.unable')).toBe(3 / 22);
    expect(value('rate.rejected')).toBe(2 / 22);
    expect(value('rate.legal_person')).toBe(5 / 20);
    expect(value('rate.review_correction')).toBe(2 / 5);
    expect(value('rate.litigation_correction')).toBe(1 / 5);
    expect(value('rate.carried_forward')).toBe(3 / 25);
  });

  it('keeps blank apart from zero and a zero denominator gives null', () => {
    expect(value('t3.withheld_law_enforcement_files')).toBeNull();
    expect(value('t3.new_received.social_org')).toBeNull();
    const zero = evaluateMetric(getMetric('rate.disclosure'), '2021', (t, r, c) =>
      r === 'total_handled' ? 0 : cell(t, r, c),
    );
    expect(zero).toEqual({ value: null, numerator: 12, denominator: 0, comparable: true });
  });

  it('never joins format-specific rows silently', () => {
    expect(evaluateMetric(getMetric('t2.2021.regulations.in_force'), '2019', cell)).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      comparable: false,
    });
    expect(value('t2.2021.regulations.in_force')).toBe(7);
    expect(getMetric('t3.other_overdue_fee').formats).toEqual(['2021']);
    // The group `other` is comparable across formats; it sums whichever other_* rows were printed.
    expect(getMetric('t3.group.other').formats).toEqual(['2019', '2021']);
    expect(rowsOfGroup('other')).toEqual([
      'other_overdue_correction',
      'other_overdue_fee',
      'other_other',
      'other_single',
    ]);
    expect(
      evaluateMetric(getMetric('t3.group.other'), '2019', (_t, r) => (r === 'other_single' ? 4 : null)).value,
    ).toBe(4);
  });
});
