import { describe, expect, it } from 'vitest';
import { refusalText } from '../../../src/domain/refusals';
import { sniff } from '../../../src/parser/extract/sniff';
import { encodeGbk, makePdf, randomBytes, storedZip, utf8 } from './helpers';

const reason = (bytes: Uint8Array) => {
  const s = sniff(bytes);
  return s.kind === 'rejected' ? refusalText(s.reason) : null;
};

describe(sniff, () => {
  it('recognises PDF by %PDF-, even after a little junk', () => {
    expect(sniff(makePdf([[]])).kind).toBe('pdf');
    expect(sniff(utf8('\r\n%PDF-1.7\n...')).kind).toBe('pdf');
    expect(sniff(utf8('The %PDF format')).kind).toBe('text');
  });

  it('recognises DOCX as a ZIP holding word/document.xml, whatever the name', () => {
    expect(
      sniff(storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })).kind,
    ).toBe('docx');
  });

  it('rejects a ZIP that is not a DOCX', () => {
    expect(reason(storedZip({ 'report.txt': '报告' }))).toMatch(/ZIP archive that is not a DOCX/);
  });

  it('tells HTML from text by markup', () => {
    expect(sniff(utf8('<!DOCTYPE html><html><body><p>报告</p></body></html>')).kind).toBe('html');
    expect(sniff(utf8('<table><tr><td>1</td></tr></table>')).kind).toBe('html');
    expect(sniff(utf8('一、总体情况\n本年新收 23 件 <注>')).kind).toBe('text');
  });

  it('decodes GBK text once and hands it on', () => {
    const s = sniff(encodeGbk('一、总体情况'));
    expect(s).toMatchObject({ kind: 'text', decoded: { text: '一、总体情况', encoding: 'gb18030' } });
  });

  it('rejects empty and blank files', () => {
    expect(reason(new Uint8Array())).toBe('empty file');
    expect(reason(utf8(' \n\t\r\n'))).toMatch(/^empty file/);
  });

  it('rejects random bytes and NUL-laden files as binary', () => {
    expect(reason(randomBytes(4096))).toMatch(/binary data/);
    expect(reason(new Uint8Array([...utf8('报告'), 0, 0, 0, ...utf8('年度')]))).toMatch(/binary data/);
  });

  it('names common wrong formats', () => {
    expect(reason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/legacy Word/);
  });

  it('hands page images (PNG, JPEG) and OLE files (.doc/.wps) to their readers', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])).kind).toBe('image');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).kind).toBe('image');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])).kind).toBe('doc');
  });
});
