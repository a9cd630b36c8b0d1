import { describe, expect, it } from 'vitest';
import type { UnitInfo } from '../../src/domain/units/labels';
import {
  CURRENT_VERSION,
  createUiStore,
  DEFAULT_STATE,
  decodeUrl,
  encodeUrl,
  legacyNotices,
  MIGRATIONS,
  resolveLegacyNames,
} from '../../src/state';

describe('MIGRATIONS', () => {
  it('form one ordered chain ending at the current version', () => {
    let v = 0;
    for (const m of MIGRATIONS) {
      expect(m.from).toBe(v);
      expect(m.to).toBe(v + 1);
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      v = m.to;
    }
    expect(v).toBe(CURRENT_VERSION);
  });

  it('are pure: the input parameters are left as they were', () => {
    const input = new URLSearchParams('tab=timeline&regions=A市,B市');
    const before = input.toString();
    for (const m of MIGRATIONS) m.migrate(input);
    expect(input.toString()).toBe(before);
  });
});

describe('decodeUrl of a v0 link', () => {
  const v0 = `?tab=timeline&regions=${encodeURIComponent('济源市人民政府,平潭综合实验区')}&y=2020&m=disclosure&log=1&lang=en-US`;

  it('migrates every v0 parameter', () => {
    const { state, notices, version } = decodeUrl(v0);
    expect(version).toBe(0);
    expect(notices).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_STATE,
      view: 'trends',
      // Names become unit ids only once the data is loaded (v1 → v2).
      legacyNames: { units: ['济源市人民政府', '平潭综合实验区'], pivot: [] },
      year: 2020,
      metric: 'rate.disclosure',
      scale: 'log',
      lang: 'en',
    });
  });

  it('is rewritten as a current link that decodes to the same state', () => {
    const { state } = decodeUrl(v0);
    const v2 = encodeUrl(state);
    expect(v2.startsWith('?v=2&')).toBe(true);
    expect(decodeUrl(v2).state).toEqual(state);
  });

  it('passes unknown v0 values on to the v1 parsers, which reject them with a notice', () => {
    const { state, notices } = decodeUrl('?tab=dashboard&m=nonsense');
    expect(state.view).toBe(DEFAULT_STATE.view);
    expect(state.metric).toBe(DEFAULT_STATE.metric);
    expect(notices.map((n) => n.param)).toEqual(['view', 'metric']);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a v0 value naming an Object member (?tab=%s) is an unknown value, not a function (issue 14.9)',
    (name) => {
      const { state, notices } = decodeUrl(`?tab=${name}&m=${name}&lang=${name}`);
      expect(state.view).toBe(DEFAULT_STATE.view);
      expect(notices.map((n) => n.param).sort()).toEqual(['lang', 'metric', 'view']);
      expect(JSON.stringify(notices)).not.toMatch(/native code|function/);
    },
  );

  it('reads v1 keys literally when v=1 is present (no migration)', () => {
    const { state, notices } = decodeUrl('?v=1&tab=timeline');
    expect(state.view).toBe('compare');
    expect(notices.map((n) => n.param)).toEqual(['tab']);
  });
});

describe('a v1 link (units by name) under v2 (units by id)', () => {
  const unit = (unitId: string, name: string, prefecture: string): UnitInfo => ({
    unitId,
    unit: name,
    kind: 'government',
    parentUnitId: null,
    regionCode: null,
    regionName: '鼓楼区',
    province: null,
    prefecture,
    county: '鼓楼区',
    level: 'county',
  });
  const loaded = [
    unit('00000000000000a1', '鼓楼区', '南京市'),
    unit('00000000000000a2', '鼓楼区', '福州市'),
    { ...unit('00000000000000b1', '淮安市洪泽区人民政府', '淮安市'), regionName: '洪泽区', county: '洪泽区' },
  ];
  const v1 = `?v=1&view=trends&units=${encodeURIComponent('淮安市洪泽区人民政府~鼓楼区~无此单位')}&pf=${encodeURIComponent('unit:洪泽区~year:2021')}`;

  it('keeps the names (units and pivot filter) for the app to resolve, and the rest as it was', () => {
    const { state, notices, version } = decodeUrl(v1);
    expect(version).toBe(1);
    expect(notices).toEqual([]);
    expect(state.units).toEqual([]);
    expect(state.legacyNames).toEqual({
      units: ['淮安市洪泽区人民政府', '鼓楼区', '无此单位'],
      pivot: ['洪泽区'],
    });
    expect(state.pivot.filters).toEqual({ year: ['2021'] });
    expect(state.view).toBe('trends');
  });

  it('opens the same units once the data is loaded: one per name, each same-named unit apart', () => {
    const { state } = decodeUrl(v1);
    const units = resolveLegacyNames(state.legacyNames.units, loaded);
    expect(units.unitIds).toEqual(['00000000000000b1', '00000000000000a1', '00000000000000a2']);
    expect(units.unknown).toEqual(['无此单位']);
    expect(units.shared).toEqual([['鼓楼区', 2]]);
    // A short name (洪泽区) finds the unit that printed its full name.
    expect(resolveLegacyNames(state.legacyNames.pivot, loaded).unitIds).toEqual(['00000000000000b1']);
    const store = createUiStore(state);
    store.getState().resolveLegacy(units.unitIds, ['00000000000000b1'], legacyNotices('units', units));
    const after = store.getState();
    expect(after.units).toEqual(units.unitIds);
    expect(after.pivot.filters.unit).toEqual(['00000000000000b1']);
    expect(after.notices.map((n) => n.value)).toEqual(['无此单位', '鼓楼区']);
    expect(encodeUrl(after)).toBe(
      '?v=2&view=trends&units=00000000000000b1~00000000000000a1~00000000000000a2&pf=unit:00000000000000b1~year:2021',
    );
  });
});
