import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, DEFAULT_STATE, decodeUrl, encodeUrl, MIGRATIONS } from '../../src/state';

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
      units: ['济源市人民政府', '平潭综合实验区'],
      year: 2020,
      metric: 'rate.disclosure',
      scale: 'log',
      lang: 'en',
    });
  });

  it('is rewritten as a v1 link that decodes to the same state', () => {
    const { state } = decodeUrl(v0);
    const v1 = encodeUrl(state);
    expect(v1.startsWith('?v=1&')).toBe(true);
    expect(decodeUrl(v1).state).toEqual(state);
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
