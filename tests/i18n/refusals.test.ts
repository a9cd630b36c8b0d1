import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, REFUSAL_EN, refusal, refusalText } from '../../src/domain/refusals';
import { REFUSAL_WORDS, refusalMessage } from '../../src/i18n/refusals';
import { parseReport } from '../../src/parser/parse';

const HAN = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('refusal codes', () => {
  it('every code has a Chinese and an English wording with the same parameters', () => {
    expect(REFUSAL_CODES.length).toBeGreaterThan(40);
    for (const code of REFUSAL_CODES) {
      const zh = REFUSAL_WORDS.zh[code];
      const en = REFUSAL_WORDS.en[code];
      expect([code, typeof zh, typeof en]).toEqual([code, 'string', 'string']);
      expect([code, placeholders(zh)]).toEqual([code, placeholders(REFUSAL_EN[code])]);
      expect([code, placeholders(en)]).toEqual([code, placeholders(REFUSAL_EN[code])]);
      // Chinese wording is Chinese (a bare parameter excepted); the English has no Chinese.
      if (zh !== '{detail}') expect([code, HAN.test(zh)]).toEqual([code, true]);
      expect([code, HAN.test(en)]).toEqual([code, false]);
    }
  });

  it('fills the parameters in either language; the CLI keeps its English', () => {
    const r = refusal('pdfPages', { n: '2,000', limit: '1,000' });
    expect(refusalText(r)).toBe('PDF has 2,000 pages, over the limit of 1,000; not read');
    expect(refusalMessage('en', r)).toBe(refusalText(r));
    expect(refusalMessage('zh', r)).toBe('PDF 共 2,000 页，超过上限 1,000 页，未读取');
  });

  it('the parser refuses with a code and the English reason of that code', async () => {
    const empty = await parseReport(new Uint8Array(), 'empty.txt');
    expect(empty).toMatchObject({ ok: false, refusal: { code: 'empty' }, reason: 'empty file' });
    const text = await parseReport(new TextEncoder().encode('hello, no tables here'), 'x.txt');
    expect(text.ok).toBe(false);
    if (!text.ok) {
      expect(text.refusal.code).toBe('noTable3');
      expect(text.reason).toBe(refusalText(text.refusal));
      expect(refusalMessage('zh', text.refusal)).toBe('未找到表三（收到和处理政府信息公开申请情况）');
      expect(refusalMessage('en', text.refusal)).not.toMatch(HAN);
    }
    const old = await parseReport(
      new TextEncoder().encode('某县2017年政府信息公开工作年度报告'),
      'a_2017.txt',
    );
    expect(old).toMatchObject({ ok: false, refusal: { code: 'pre2019', params: { year: 2017 } } });
  });
});
