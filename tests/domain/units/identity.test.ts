import { describe, expect, it } from 'vitest';
import {
  canonicalName,
  governmentId,
  localName,
  parentCodeByArithmetic,
  parentUnitId,
  parseAliases,
  type UnitFacts,
  unitId,
  unitKey,
} from '../../../src/domain/units/identity';

const PINGTAN = ['福建省', '福州市', '平潭县', '平潭综合实验区'];
const dept = (unit: string, regionCode = '350128', placeNames = PINGTAN): UnitFacts => ({
  unit,
  kind: 'department',
  regionCode,
  regionLevel: 'county',
  placeNames,
});
const gov = (
  unit: string,
  regionCode: string,
  placeNames: string[],
  regionLevel: UnitFacts['regionLevel'] = 'county',
): UnitFacts => ({
  unit,
  kind: 'government',
  regionCode,
  regionLevel,
  placeNames,
});

describe('unit identity', () => {
  it('strips a government prefix, full or short, and NFKC-normalises', () => {
    expect(localName('平潭综合实验区公安局', PINGTAN)).toBe('公安局');
    expect(localName('平潭公安局', PINGTAN)).toBe('公安局');
    expect(localName('平潭综合实验区 公安局', PINGTAN)).toBe('公安局');
    expect(localName('福建省平潭综合实验区公安局', PINGTAN)).toBe('公安局');
    expect(unitId(dept('平潭综合实验区公安局'))).toBe(unitId(dept('平潭公安局')));
    // Full-width letters and digits fold to half-width.
    expect(unitId(dept('平潭第１中学'))).toBe(unitId(dept('平潭第1中学')));
  });

  it('keeps same-named bodies of different regions apart', () => {
    const nanjing = gov('鼓楼区', '320106', ['江苏省', '南京市', '鼓楼区']);
    const fuzhou = gov('鼓楼区', '350102', ['福建省', '福州市', '鼓楼区']);
    expect(unitId(nanjing)).not.toBe(unitId(fuzhou));
    expect(unitId(dept('公安局', '320106'))).not.toBe(unitId(dept('公安局', '350102')));
    // A department is not its government.
    expect(unitId(dept('公安局', '350102'))).not.toBe(unitId(fuzhou));
  });

  it('a government is its region: the 人民政府 suffix and printed prefixes do not matter', () => {
    const a = gov('淮安市洪泽区人民政府', '320813', ['江苏省', '淮安市', '洪泽区']);
    const b = gov('洪泽区', '320813', ['江苏省', '淮安市', '洪泽区']);
    expect(unitKey(a)).toBe('gov:320813');
    expect(unitId(a)).toBe(unitId(b));
    expect(unitId(a)).toBe(governmentId('320813'));
  });

  it('declared aliases join a renamed body to its old name, through chains', () => {
    const { aliases, problems } = parseAliases(
      '# renamed in 2024\n平潭综合实验区投资促进局\t平潭综合实验区国有资产管理局\nbad line\n',
    );
    expect(problems).toEqual([expect.stringContaining('line 3')]);
    expect(unitId(dept('平潭综合实验区投资促进局'), aliases)).toBe(
      unitId(dept('平潭综合实验区国有资产管理局')),
    );
    expect(unitId(dept('平潭综合实验区投资促进局'))).not.toBe(unitId(dept('平潭综合实验区国有资产管理局')));
    const chain = new Map([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    expect(canonicalName('a', chain)).toBe('c');
  });

  it('an unplaced body is known by its name alone', () => {
    const facts: UnitFacts = {
      unit: '某单位 ',
      kind: 'other',
      regionCode: null,
      regionLevel: null,
      placeNames: [],
    };
    expect(unitKey(facts)).toBe('name:某单位');
    expect(parentUnitId(facts, null)).toBeNull();
  });

  it('parents: department → its government, government → the region above, top → null', () => {
    expect(parentUnitId(dept('公安局'), '350100')).toBe(governmentId('350128'));
    expect(parentUnitId(gov('平潭综合实验区', '350128', PINGTAN), '350100')).toBe(governmentId('350100'));
    expect(parentUnitId(gov('福建省', '350000', ['福建省'], 'province'), null)).toBeNull();
    const township: UnitFacts = {
      unit: '迁安市大五里镇',
      kind: 'township',
      regionCode: '130283115',
      regionLevel: 'township',
      placeNames: ['河北省', '唐山市', '迁安市', '大五里镇'],
    };
    expect(unitKey(township)).toBe('gov:130283115');
    expect(parentUnitId(township, '130283')).toBe(governmentId('130283'));
  });

  it('parent codes by arithmetic for datasets without the column', () => {
    expect(parentCodeByArithmetic('130283115')).toBe('130283');
    expect(parentCodeByArithmetic('320106')).toBe('320100');
    expect(parentCodeByArithmetic('320100')).toBe('320000');
    expect(parentCodeByArithmetic('320000')).toBeNull();
    expect(parentCodeByArithmetic('110105')).toBe('110000');
    expect(parentCodeByArithmetic('419001')).toBe('410000');
  });
});
