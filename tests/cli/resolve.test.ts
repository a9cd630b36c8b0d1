import { describe, expect, it } from 'vitest';
import { bodyKey } from '../../cli/lib/resolve';
import type { Report } from '../../src/domain/report';

const body = (unit: string, regionCode: string | null) => ({ report: { unit } as Report, regionCode });

describe(bodyKey, () => {
  it('is one key for one body printed with width, spaces or a 人民政府 suffix', () => {
    expect(bodyKey(body('平潭综合实验区公安局', '350128'))).toBe(
      bodyKey(body('平潭综合实验区 公安局', '350128')),
    );
    expect(bodyKey(body('沭阳县人民政府', '321322'))).toBe(bodyKey(body('沭阳县', '321322')));
    expect(bodyKey(body('ＡＢ局', '1'))).toBe(bodyKey(body('AB局', '1')));
  });

  it('never joins two bodies of one name in two regions', () => {
    expect(bodyKey(body('公安局', '350128'))).not.toBe(bodyKey(body('公安局', '320102')));
    expect(bodyKey(body('公安局', null))).not.toBe(bodyKey(body('公安局', '320102')));
  });
});
