import { beforeAll, describe, expect, it } from 'vitest';
import { regionEntriesFromPackage } from '../../src/region/from-package';
import { loadRegionEntries } from '../../src/region/node/region-data';
import { createRegionIndex, type RegionIndex } from '../../src/region/region-index';
import { resolveRegion, resolveUnit } from '../../src/region/resolve';

let index: RegionIndex;
beforeAll(async () => {
  index = createRegionIndex(await loadRegionEntries());
});

describe(resolveUnit, () => {
  it.each([
    ['济源市人民政府', '419001', '济源市', 'prefecture', ['河南省']],
    ['淮安市洪泽区人民政府', '320813', '洪泽区', 'county', ['江苏省', '淮安市']],
    ['洪泽区', '320813', '洪泽区', 'county', ['江苏省', '淮安市']],
    ['平潭综合实验区', '350128', '平潭县', 'county', ['福建省', '福州市']],
    ['上海市人民政府办公厅', '310000', '上海市', 'province', []],
    ['上海市科委', '310000', '上海市', 'province', []],
    ['沭阳县', '321322', '沭阳县', 'county', ['江苏省', '宿迁市']],
    ['沐阳县人民政府', '321322', '沭阳县', 'county', ['江苏省', '宿迁市']],
    ['二道区房屋征收工作管理办公室', '220105', '二道区', 'county', ['吉林省', '长春市']],
    ['五常市民意乡', '230184206', '民意乡', 'township', ['黑龙江省', '哈尔滨市', '五常市']],
    ['海珠区官洲街道', '440105018', '官洲街道', 'township', ['广东省', '广州市', '海珠区']],
    ['西咸新区太平镇', '610423111', '太平镇', 'township', ['陕西省', '咸阳市', '泾阳县']],
    ['盐边县新九镇', '510422104', '新九镇', 'township', ['四川省', '攀枝花市', '盐边县']],
    ['雁塔区统计局', '610113', '雁塔区', 'county', ['陕西省', '西安市']],
    ['红桥区政务服务办', '120106', '红桥区', 'county', ['天津市']],
    ['深圳市龙岗区(区政府工作部门,名称未在摘录中)', '440307', '龙岗区', 'county', ['广东省', '深圳市']],
  ])('resolves %s to %s %s', (unit, code, name, level, ancestors) => {
    const outcome = resolveUnit(index, unit);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.resolution.region).toEqual({ code, name, level });
    expect(outcome.resolution.chain.map((r) => r.name)).toEqual([...ancestors, name]);
  });

  it('keeps an exact spelling when folding would confuse it (沐川县 is real)', () => {
    expect(resolveRegion(index, '沐川县人民政府')?.region.code).toBe('511129');
  });

  it('leaves a name shared by two provinces unresolved rather than guessing', () => {
    const outcome = resolveUnit(index, '城中区城乡建设局');
    expect(outcome).toEqual({
      ok: false,
      reason: expect.stringMatching(/^ambiguous: .*柳州市城中区.*西宁市城中区/),
    });
  });

  it('breaks that tie with the source host, which spells the place in pinyin', () => {
    const withPinyin = createRegionIndex(
      [...index.byCode.values()].map((e) =>
        e.code === '630103'
          ? { ...e, pinyin: 'chengzhongqu|czq' }
          : e.code === '630100'
            ? { ...e, pinyin: 'xiningshi|xns' }
            : e,
      ),
    );
    expect(
      resolveRegion(withPinyin, '城中区城乡建设局', { domain: 'http://xncz.gov.cn/info/4565/208695.htm' })
        ?.region.code,
    ).toBe('630103');
    expect(resolveRegion(withPinyin, '城中区城乡建设局', { domain: 'https://www.example.org/' })).toBeNull();
  });

  it('breaks it with context text naming a parent', () => {
    expect(
      resolveRegion(index, '城中区城乡建设局', { context: ['柳州市人民政府门户网站'] })?.region.code,
    ).toBe('450202');
  });

  it('returns null for a scoped alias alone (西咸新区 spans two prefectures)', () => {
    expect(resolveRegion(index, '西咸新区管理委员会')).toBeNull();
  });

  it('returns null when no region is named', () => {
    expect(resolveUnit(index, '某某单位')).toEqual({ ok: false, reason: 'no region name in the unit' });
  });

  it('ignores a township name that is not where the unit ends (城区 in 城区管理局 is no town)', () => {
    expect(resolveRegion(index, '济源市城区管理局')?.region.code).toBe('419001');
  });

  it('works on county-level data only (the browser without townships)', () => {
    const small = createRegionIndex(
      regionEntriesFromPackage({
        province: [{ c: '230000', n: '黑龙江省', p: '23' }],
        city: [{ c: '230100', n: '哈尔滨市', p: '23', y: '01' }],
        area: [{ c: '230184', n: '五常市', p: '23', y: '01', a: '84' }],
      }),
    );
    expect(resolveRegion(small, '五常市民意乡')?.region).toEqual({
      code: '230184',
      name: '五常市',
      level: 'county',
    });
  });
});
