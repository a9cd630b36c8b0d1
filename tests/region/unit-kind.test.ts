import { describe, expect, it } from 'vitest';
import { classifyUnit } from '../../src/region/unit-kind';

describe(classifyUnit, () => {
  it.each([
    ['济源市人民政府', 'government'],
    ['淮安市洪泽区人民政府', 'government'],
    ['沭阳县', 'government'],
    ['平潭综合实验区', 'government'],
    ['上海市人民政府办公厅', 'department'],
    ['上海市科委', 'department'],
    ['二道区房屋征收工作管理办公室', 'department'],
    ['雁塔区统计局', 'department'],
    ['红桥区政务服务办', 'department'],
    ['深圳市龙岗区(区政府工作部门,名称未在摘录中)', 'department'],
    ['深圳市龙岗区政府工作部门post11956962', 'department'],
    ['五常市民意乡', 'township'],
    ['海珠区官洲街道', 'township'],
    ['西咸新区太平镇人民政府', 'township'],
    ['尼勒克县某镇(名称未在摘录中)', 'township'],
    ['平潭综合实验区金井片区管理局', 'township'],
    ['平潭综合实验区公安局', 'department'],
    ['某某公司', 'other'],
  ])('%s is a %s', (unit, kind) => {
    expect(classifyUnit(unit)).toBe(kind);
  });
});
