import { describe, expect, it } from 'vitest';
import type { OutcomeRow } from '../../src/queries';
import { tickCountFor } from '../../src/ui/common/axis';
import { stackData } from '../../src/ui/views/outcomes/stack';

const row = (unitId: string, key: OutcomeRow['key'], value: number | null): OutcomeRow => ({
  unitId,
  unit: unitId,
  reportId: `${unitId}-2024`,
  format: '2021',
  key,
  group: 'granted',
  value,
  count: value,
  share: null,
});
const label = (u: string) => `«${u}»`;

describe(stackData, () => {
  it('puts each unit’s values in key order, sums them and orders the bars by the sum', () => {
    const bars = stackData(
      [row('a', 'withheld', 3), row('a', 'granted', 1), row('b', 'granted', 10), row('c', 'other', null)],
      ['a', 'b', 'c'],
      ['granted', 'withheld', 'other'],
      label,
      false,
    );
    expect(bars.map((b) => [b.unit, b.values, b.total])).toEqual([
      ['«b»', [10, null, null], 10],
      ['«a»', [1, 3, null], 4],
      ['«c»', [null, null, null], 0],
    ]);
  });

  it('full 100 % stacks are ordered by the first key’s share; ties keep the units’ order', () => {
    const bars = stackData(
      [row('a', 'granted', 0.2), row('a', 'withheld', 0.8), row('b', 'granted', 0.5), row('b', 'other', 0.5)],
      ['x', 'a', 'b'],
      ['granted', 'withheld', 'other'],
      label,
      true,
    );
    expect(bars.map((b) => [b.unitId, b.sort])).toEqual([
      ['b', 0.5],
      ['a', 0.2],
      ['x', 0],
    ]);
  });

  it('draws only positive segments: the extent leaves a value below zero out, the total keeps it', () => {
    const [bar] = stackData(
      [row('a', 'granted', 5), row('a', 'other', -2)],
      ['a'],
      ['granted', 'other'],
      label,
      false,
    );
    expect(bar).toMatchObject({ total: 3, extent: 5 });
  });

  it('ignores rows of units or keys it was not asked to draw', () => {
    const bars = stackData(
      [row('a', 'granted', 1), row('z', 'granted', 9), row('a', 'rejected', 7)],
      ['a'],
      ['granted'],
      label,
      false,
    );
    expect(bars).toHaveLength(1);
    expect(bars[0]!.values).toEqual([1]);
  });
});

describe(tickCountFor, () => {
  it('gives a value axis one tick per 60 px, between 2 and 5', () => {
    expect([50, 130, 200, 299, 300, 1000].map(tickCountFor)).toEqual([2, 2, 3, 4, 5, 5]);
  });
});
