import { describe, expect, it } from 'vitest';
import { regionEntriesFromPackage } from '../../src/region/from-package';

describe(regionEntriesFromPackage, () => {
  const entries = regionEntriesFromPackage({
    province: [
      { c: '410000', n: '河南省', p: '41' },
      { c: '310000', n: '上海市', p: '31' },
    ],
    city: [
      { c: '410100', n: '郑州市', p: '41', y: '01' },
      { c: '419000', n: '河南省-省直辖县级行政区划', p: '41', y: '90' },
    ],
    area: [
      { c: '410102', n: '中原区', p: '41', y: '01', a: '02' },
      { c: '419001', n: '济源市', p: '41', y: '90', a: '01' },
      { c: '310115', n: '浦东新区', p: '31', y: '01', a: '15' },
    ],
    town: [{ c: '419001', n: '济源市沁园街道', p: '41', y: '90', a: '01', t: '001000' }],
  });
  const byCode = new Map(entries.map((e) => [e.code, e]));

  it('drops the 省直辖县级行政区划 placeholder and lifts its members to the prefecture tier', () => {
    expect(byCode.has('419000')).toBe(false);
    expect(byCode.get('419001')).toEqual({
      code: '419001',
      name: '济源市',
      level: 'prefecture',
      parent_code: '410000',
    });
  });

  it('hangs municipality districts from the province at county level', () => {
    expect(byCode.get('310115')).toMatchObject({ level: 'county', parent_code: '310000' });
  });

  it('links counties to their prefecture and gives townships a 9-digit code', () => {
    expect(byCode.get('410102')?.parent_code).toBe('410100');
    expect(byCode.get('419001001')).toMatchObject({ level: 'township', parent_code: '419001' });
  });
});
