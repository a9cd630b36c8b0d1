import { describe, expect, it } from 'vitest';
import { FORMATS, OUTCOME_GROUPS, TABLE3_COLUMNS, TABLE3_ROW_KEYS } from '../../src/domain/keys';
import { isMetricId } from '../../src/domain/metrics';
import {
  decodeUrl,
  encodeUrl,
  LANGS,
  OUTCOME_MODES,
  PIVOT_DIMS,
  SCALES,
  TREND_MODES,
  type UrlState,
  VIEWS,
} from '../../src/state';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ...'abcxyz019_-.~=&?#%:;,/\\\'"<> +*@!$()[]{}|`^',
  '济',
  '源',
  '市',
  '\u0000',
  '\u202e',
  '\ud800',
  '%00',
  '%E6%B5',
  '%zz',
  'v=',
  'units=',
  'data=',
  'view=',
  'pf=',
  'pm=rate.',
  'year=',
];
const KEYS = [
  'v',
  'view',
  'lang',
  'data',
  'units',
  'year',
  'metric',
  'trend',
  'scale',
  'ogroup',
  'orow',
  'oapp',
  'omode',
  'prows',
  'pcols',
  'pm',
  'pf',
  'psort',
  'report',
  'cell',
  'qrule',
  'qyear',
  'qprov',
  'qproblems',
  'qconfirmed',
  'corr',
  'embed',
  'table',
  'tab',
  'regions',
  'y',
  'm',
  'log',
];
/** Values no parameter accepts. */
const ALWAYS_BAD = [
  "'; DROP TABLE reports; --",
  "x' OR '1'='1",
  '<script>alert(1)</script>',
  'https://evil.example/',
  '//evil.example/x/',
  'javascript:alert(1)',
  '../../../etc/passwd',
  'a'.repeat(3000),
];
const HOSTILE = [
  ...ALWAYS_BAD,
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '__proto__',
  'constructor',
  'year:2021,2021,2021',
  'rate.__proto__',
];

function randomString(r: () => number): string {
  const n = Math.floor(r() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

function randomQuery(r: () => number): string {
  const kind = r();
  if (kind < 0.3) return randomString(r);
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(r() * KEYS.length)]!;
    const value = r() < 0.4 ? HOSTILE[Math.floor(r() * HOSTILE.length)]! : randomString(r);
    parts.push(`${key}=${r() < 0.5 ? encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '?')) : value}`);
  }
  return (r() < 0.5 ? '?' : '') + parts.join('&');
}

const isIn = (list: readonly unknown[], v: unknown) => list.includes(v);
const isYear = (v: unknown) =>
  v === null || (Number.isInteger(v) && (v as number) >= 2008 && (v as number) <= 2100);
const NAME = /^[\p{Script=Han}\p{L}\p{N}（）()·・\-—_.、 《》“”‘’，：；〔〕【】「」『』／＆＋＃％]{1,64}$/u;

/** Independent check that a decoded state holds only whitelisted, bounded values. */
function assertValid(s: UrlState) {
  expect(isIn(VIEWS, s.view)).toBe(true);
  expect(isIn(LANGS, s.lang)).toBe(true);
  expect(s.dataset).toMatch(/^(\.\/|\/)?([A-Za-z0-9_-]+\/)+$/);
  expect(s.dataset).not.toContain('..');
  for (const u of s.units) expect(u).toMatch(NAME);
  expect(isYear(s.year)).toBe(true);
  expect(isMetricId(s.metric)).toBe(true);
  expect(isIn(TREND_MODES, s.trendMode)).toBe(true);
  expect(isIn(SCALES, s.scale)).toBe(true);
  expect(s.outcome.group === null || isIn(OUTCOME_GROUPS, s.outcome.group)).toBe(true);
  expect(s.outcome.row === null || isIn(TABLE3_ROW_KEYS, s.outcome.row)).toBe(true);
  expect(isIn(TABLE3_COLUMNS, s.outcome.applicant)).toBe(true);
  expect(isIn(OUTCOME_MODES, s.outcome.mode)).toBe(true);
  expect(s.pivot.rows.length).toBeGreaterThan(0);
  for (const d of [...s.pivot.rows, ...s.pivot.cols]) expect(isIn(PIVOT_DIMS, d)).toBe(true);
  for (const [dim, values] of Object.entries(s.pivot.filters)) {
    expect(isIn(PIVOT_DIMS, dim)).toBe(true);
    for (const v of values ?? []) {
      if (dim === 'year') expect(isYear(Number(v))).toBe(true);
      else if (dim === 'format') expect(isIn(FORMATS, v)).toBe(true);
      else expect(v).toMatch(/^[\p{Script=Han}A-Za-z0-9（）()·・\-—_.、 ]{1,64}$/u);
    }
  }
  if (s.pivot.measure.kind === 'rate') expect(isMetricId(s.pivot.measure.metric)).toBe(true);
  expect(s.report === null || /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/.test(s.report)).toBe(true);
  expect(isYear(s.quality.year)).toBe(true);
  expect(s.quality.province === null || NAME.test(s.quality.province)).toBe(true);
  expect(typeof s.embed).toBe('boolean');
  expect(typeof s.table).toBe('boolean');
}

describe('decodeUrl on garbage', () => {
  it('never throws and always yields a valid, stable state (1,500 random strings)', () => {
    const r = rng(20251128);
    let withNotices = 0;
    for (let i = 0; i < 1500; i++) {
      const q = randomQuery(r);
      const decoded = decodeUrl(q);
      assertValid(decoded.state);
      if (decoded.notices.length > 0) withNotices++;
      for (const n of decoded.notices) expect(n.value.length).toBeLessThanOrEqual(60);
      // the canonical URL of whatever we made of it decodes cleanly to the same state
      const again = decodeUrl(encodeUrl(decoded.state));
      expect(again.notices).toEqual([]);
      expect(again.state).toEqual(decoded.state);
    }
    expect(withNotices).toBeGreaterThan(500);
  });

  it('turns each always-bad value of each parameter into a default plus a notice', () => {
    for (const key of KEYS.filter((k) => !['v', 'tab', 'regions', 'y', 'm', 'log'].includes(k))) {
      for (const value of ALWAYS_BAD) {
        const { state, notices } = decodeUrl(`?v=1&${key}=${encodeURIComponent(value)}`);
        assertValid(state);
        expect([key, value, notices.length > 0]).toEqual([key, value, true]);
      }
    }
  });
});
