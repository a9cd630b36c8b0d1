import { describe, expect, it } from 'vitest';
import { i18nFor } from '../../src/i18n';
import { formatTick } from '../../src/ui/common/format';

describe(formatTick, () => {
  it('keeps one notation on an axis: all in 万 once the axis reaches 10,000', () => {
    const zh = i18nFor('zh');
    expect([0, 5000, 10_500, 12_000].map((v) => formatTick(zh, 'count', v, 12_000))).toEqual([
      '0万',
      '0.5万',
      '1.1万',
      '1.2万',
    ]);
    expect([0, 700, 1050, 1400].map((v) => formatTick(zh, 'count', v, 1400))).toEqual([
      '0',
      '700',
      '1,050',
      '1,400',
    ]);
    expect(formatTick(i18nFor('en'), 'count', 12_000, 12_000)).toBe('12k');
    expect(formatTick(zh, 'rate', 0.25, 1)).toBe('25%');
  });
});
