import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeBytes } from '../../../src/parser/extract/decode';
import { encodeGbk, utf8 } from './helpers';

const SAMPLE = '政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\t23\t0\t（七）总计 “三安全一稳定”';

describe(decodeBytes, () => {
  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeBytes(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8', lossy: false });
  });

  it('reads GBK bytes as GB18030, giving the same text as UTF-8', () => {
    const gbk = encodeGbk(SAMPLE);
    expect(gbk).not.toEqual(utf8(SAMPLE));
    const decoded = decodeBytes(gbk);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(SAMPLE);
  });

  it('strips and honours BOMs', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('报告')])).text).toBe('报告');
    const le = new Uint8Array([0xff, 0xfe, 0xa5, 0x62, 0x4a, 0x54]); // 报告 in UTF-16LE
    expect(decodeBytes(le)).toMatchObject({ text: '报告', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x62, 0xa5, 0x54, 0x4a]);
    expect(decodeBytes(be)).toMatchObject({ text: '报告', encoding: 'utf-16be' });
  });

  it('honours a declared charset when the bytes are not UTF-8', () => {
    const html = `<html><head><meta charset="gbk"></head><body>${SAMPLE}</body></html>`;
    const decoded = decodeBytes(encodeGbk(html));
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.text).toBe(html);
    // 報告 in Big5: without the declaration these bytes would be read as GB18030.
    const big5 = new Uint8Array([...utf8('<meta charset="big5">'), 0xb3, 0xf8, 0xa7, 0x69]);
    expect(decodeBytes(big5).text).toBe('<meta charset="big5">報告');
  });

  it('reads valid UTF-8 as UTF-8 whatever the page declares', () => {
    const gbkLabelled = `<meta charset="gbk"><p>${SAMPLE}</p>`;
    expect(decodeBytes(utf8(gbkLabelled))).toMatchObject({ text: gbkLabelled, encoding: 'utf-8' });
    const utf8Labelled = `<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>${SAMPLE}</p>`;
    expect(decodeBytes(encodeGbk(utf8Labelled))).toMatchObject({ text: utf8Labelled, encoding: 'gb18030' });
  });

  it('marks undecodable input as lossy', () => {
    expect(decodeBytes(new Uint8Array([0x81, 0x20, 0xff, 0x20])).lossy).toBe(true);
  });
});

describe(declaredCharset, () => {
  it('finds the charset in meta tags and XML declarations', () => {
    expect(
      declaredCharset(utf8('<meta http-equiv="content-type" content="text/html; charset=GB2312">')),
    ).toBe('gbk');
    expect(declaredCharset(utf8("<?xml version='1.0' encoding='gb18030'?>"))).toBe('gb18030');
    expect(declaredCharset(utf8('<meta charset="big5">'))).toBe('big5');
    expect(declaredCharset(utf8('<meta charset=utf-8>'))).toBeNull();
    expect(declaredCharset(utf8('<meta charset="klingon">'))).toBeNull();
    expect(declaredCharset(utf8('no markup'))).toBeNull();
  });
});
