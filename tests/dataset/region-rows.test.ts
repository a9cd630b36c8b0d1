import { describe, expect, it } from 'vitest';
import { regionPinyin, toRegionRows } from '../../src/dataset/region-rows';

describe(regionPinyin, () => {
  it('gives full pinyin and initials without tones', () => {
    expect(regionPinyin('济源市')).toBe('jiyuanshi|jys');
    expect(regionPinyin('长春市')).toBe('changchunshi|ccs');
    expect(regionPinyin('重庆市')).toBe('chongqingshi|cqs');
  });
});

describe(toRegionRows, () => {
  it('adds province_code and sorts by code', () => {
    const rows = toRegionRows([
      { code: '419001', name: '济源市', level: 'prefecture', parent_code: '410000' },
      { code: '410000', name: '河南省', level: 'province', parent_code: null },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['410000', '419001']);
    expect(rows[1]).toEqual({
      code: '419001',
      name: '济源市',
      level: 'prefecture',
      parent_code: '410000',
      province_code: '410000',
      pinyin: 'jiyuanshi|jys',
    });
  });
});
