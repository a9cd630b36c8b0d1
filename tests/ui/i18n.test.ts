import { describe, expect, it } from 'vitest';
import { resolveDatasetUrl } from '../../src/app/useDatasetLoader';
import { i18nFor, interpolate, makeI18n } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { localiseReason } from '../../src/i18n/reasons';
import { zh } from '../../src/i18n/zh';
import { decodeUrl, REASON_CODES } from '../../src/state';

describe(makeI18n, () => {
  it('formats numbers and percentages for the locale', () => {
    expect(makeI18n('zh').num(1234567)).toBe('1,234,567');
    expect(makeI18n('en').num(1234.5, 1)).toBe('1,234.5');
    expect(makeI18n('zh').pct(0.4567)).toBe('45.7%');
    expect(makeI18n('en').num(null)).toBe('—');
    expect(makeI18n('zh').list(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });

  it('translates with variables and keeps unknown placeholders', () => {
    expect(makeI18n('zh').t('control.latestYear', { year: 2024 })).toBe('最新年度（2024）');
    expect(makeI18n('en').t('control.latestYear', { year: 2024 })).toBe('Latest year (2024)');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect([key, vars(en[key])]).toEqual([key, vars(zh[key])]);
    }
  });

  it('is memoised per language', () => {
    expect(i18nFor('zh')).toBe(i18nFor('zh'));
    expect(i18nFor('zh')).not.toBe(i18nFor('en'));
  });
});

describe(resolveDatasetUrl, () => {
  const base = 'https://example.org/app/index.html';
  it('resolves relative folders against the page', () => {
    expect(resolveDatasetUrl('data/', base)).toBe('https://example.org/app/data/');
    expect(resolveDatasetUrl('/data/x/', base)).toBe('https://example.org/data/x/');
  });
  it('refuses other origins even if the codec were bypassed', () => {
    expect(() => resolveDatasetUrl('//evil.example/data/', base)).toThrow(/outside this origin/);
    expect(() => resolveDatasetUrl('https://evil.example/', base)).toThrow(/outside this origin/);
  });
});

describe(localiseReason, () => {
  it('translates every reason the codec gives for a hostile link', () => {
    const { notices } = decodeUrl(
      '?v=9&view=x&year=1&data=http://e/&units=%27&metric=m&pm=bad&psort=x&embed=2&qrule=!&report=%3C&orow=granted&ogroup=withheld&prows=&foo=1',
    );
    expect(notices.length).toBeGreaterThan(10);
    for (const n of notices)
      expect([n.reason, /[\u4e00-\u9fff]/.test(localiseReason('zh', n.reason))]).toEqual([n.reason, true]);
  });
  it('words every code in both languages, with its details and no raw key', () => {
    for (const code of REASON_CODES) {
      const vars = { values: 'a, b', min: 1, max: 2, version: 1, group: 'withheld', n: 9 };
      const zh = localiseReason('zh', { code, vars });
      const en = localiseReason('en', { code, vars });
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(`${zh} ${en}`).not.toMatch(/\{\w+\}/);
    }
    expect(localiseReason('en', { code: 'outside', vars: { min: 2008, max: 2100 } })).toBe(
      'outside 2008–2100',
    );
    expect(localiseReason('zh', { code: 'notRowOf', vars: { group: 'withheld' } })).toBe(
      '不属于类别“不予公开”',
    );
  });
});
