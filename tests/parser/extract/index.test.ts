import { describe, expect, it } from 'vitest';
import { NotAReportError } from '../../../src/parser/document';
import { extractDocument } from '../../../src/parser/extract';
import { encodeGbk, makePdf, randomBytes, storedZip, utf8 } from './helpers';

async function reason(bytes: Uint8Array, name = 'f.bin'): Promise<string> {
  const error = await extractDocument(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotAReportError);
  expect((error as NotAReportError).file).toBe(name);
  return (error as NotAReportError).reason;
}

const REPORT = '平潭综合实验区2024年度政府信息公开工作年度报告\n一、总体情况\n（一）主动公开 １２ 件';

describe(extractDocument, () => {
  it('sniffs the content, not the file name', async () => {
    expect((await extractDocument(utf8(REPORT), 'report.pdf')).kind).toBe('text');
    expect((await extractDocument(utf8(`<html><body><p>${REPORT}</p></body></html>`), 'r.txt')).kind).toBe(
      'html',
    );
    expect((await extractDocument(makePdf([[{ x: 72, y: 700, text: 'report' }]]), 'r.html')).kind).toBe(
      'pdf',
    );
  });

  it('gives the same document for GBK and UTF-8 bytes', async () => {
    const html = `<html><head><meta charset="gbk"></head><body><table><tr><td>${REPORT}</td><td>3</td></tr></table></body></html>`;
    expect(await extractDocument(encodeGbk(REPORT), 'a.txt')).toEqual(
      await extractDocument(utf8(REPORT), 'b.txt'),
    );
    expect(await extractDocument(encodeGbk(html), 'a.html')).toEqual(
      await extractDocument(utf8(html), 'b.html'),
    );
  });

  it('normalises plain text with NFKC', async () => {
    const doc = await extractDocument(utf8(REPORT), 'r.txt');
    expect(doc.text).toContain('(一)主动公开 12 件');
  });

  it('rejects what is not a report with a one-line reason', async () => {
    expect(await reason(new Uint8Array(), 'empty.txt')).toBe('empty file');
    expect(await reason(randomBytes(2000))).toMatch(
      /^binary data, not a text, HTML, PDF, DOC or DOCX report$/,
    );
    expect(await reason(storedZip({ 'a.txt': 'x' }), 'a.zip')).toMatch(/not a DOCX/);
    expect(await reason(storedZip({ 'word/document.xml': 'garbage' }), 'a.docx')).toMatch(
      /^DOCX could not be read/,
    );
    expect(await reason(makePdf([[]]), 'scan.pdf')).toBe(
      'PDF has no text layer and no page images to read (blank?)',
    );
    const truncated = await reason(makePdf([[{ x: 72, y: 700, text: 'report' }]]).slice(0, 40), 'cut.pdf');
    expect(truncated).not.toContain('\n');
  });

  it('keeps HTML without tables as text lines only', async () => {
    const doc = await extractDocument(
      utf8('<html><body><h1>报告</h1><p>没有表格</p></body></html>'),
      'a.html',
    );
    expect(doc.lines.map((l) => l.origin)).toEqual(['text', 'text']);
  });
});
