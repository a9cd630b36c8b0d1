import { describe, expect, it } from 'vitest';
import { governmentId } from '../../../src/domain/units/identity';
import { type UnitInfo, unitLabels } from '../../../src/domain/units/labels';

const unit = (p: Partial<UnitInfo> & Pick<UnitInfo, 'unitId' | 'unit'>): UnitInfo => ({
  kind: 'government',
  parentUnitId: null,
  regionCode: null,
  regionName: null,
  province: null,
  prefecture: null,
  county: null,
  level: 'county',
  ...p,
});

describe('unitLabels', () => {
  const nanjing = unit({
    unitId: 'a',
    unit: '鼓楼区',
    regionCode: '320106',
    regionName: '鼓楼区',
    province: '江苏省',
    prefecture: '南京市',
    county: '鼓楼区',
  });
  const fuzhou = unit({
    unitId: 'b',
    unit: '福州市鼓楼区人民政府',
    regionCode: '350102',
    regionName: '鼓楼区',
    province: '福建省',
    prefecture: '福州市',
    county: '鼓楼区',
  });
  const hongze = unit({
    unitId: 'c',
    unit: '淮安市洪泽区人民政府',
    regionCode: '320813',
    regionName: '洪泽区',
    province: '江苏省',
    prefecture: '淮安市',
    county: '洪泽区',
  });

  it('short when unambiguous, with the government when not', () => {
    const labels = unitLabels([nanjing, fuzhou, hongze]);
    expect(labels.get('a')!.label).toBe('鼓楼区 · 南京市');
    expect(labels.get('b')!.label).toBe('鼓楼区 · 福州市');
    expect(labels.get('c')!.label).toBe('洪泽区');
    expect(unitLabels([nanjing]).get('a')!.label).toBe('鼓楼区');
  });

  it('a department printed bare carries its government, by the government unit when loaded', () => {
    const pingtan = unit({
      unitId: governmentId('350128'),
      unit: '平潭综合实验区',
      regionCode: '350128',
      regionName: '平潭县',
      province: '福建省',
      prefecture: '福州市',
      county: '平潭县',
    });
    const police = unit({
      unitId: 'p',
      unit: '公安局',
      kind: 'department',
      parentUnitId: pingtan.unitId,
      regionCode: '350128',
      regionName: '平潭县',
      province: '福建省',
      prefecture: '福州市',
      county: '平潭县',
    });
    const full = unit({
      unitId: 'q',
      unit: '平潭综合实验区财政金融局',
      kind: 'department',
      parentUnitId: pingtan.unitId,
      regionCode: '350128',
      regionName: '平潭县',
      province: '福建省',
      prefecture: '福州市',
      county: '平潭县',
    });
    const labels = unitLabels([pingtan, police, full]);
    expect(labels.get('p')!.label).toBe('公安局 · 平潭综合实验区');
    expect(labels.get('q')!.label).toBe('平潭综合实验区财政金融局');
    expect(labels.get(pingtan.unitId)!.label).toBe('平潭综合实验区');
  });

  it('an OCR slip in a government name shows the region spelling', () => {
    const shuyang = unit({
      unitId: 's',
      unit: '沐阳县人民政府',
      regionCode: '321322',
      regionName: '沭阳县',
      province: '江苏省',
      prefecture: '宿迁市',
      county: '沭阳县',
    });
    expect(unitLabels([shuyang]).get('s')!.label).toBe('沭阳县');
  });
});
