import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { NotAReportError } from '../../../src/parser/document';
import { extractDocument } from '../../../src/parser/extract';
import { parseDocument } from '../../../src/parser/parse';
import { corpusFile, hasCorpus, NO_CORPUS, storedZip } from './helpers';

/** An OLE compound file holding the given streams (as cfb writes it). */
function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, content);
  return new Uint8Array(CFB.write(cfb, { type: 'array' }) as number[]);
}

async function reason(bytes: Uint8Array, name = 'x.doc'): Promise<string> {
  try {
    await extractDocument(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(NotAReportError);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    return (error as NotAReportError).reason;
  }
  throw new Error('expected a NotAReportError');
}

describe('legacy Word (.doc / .wps)', () => {
  it('names an OLE file that is not a Word document by what it is', async () => {
    expect(await reason(oleFile({ Workbook: new Uint8Array(600) }), 'a.xls.doc')).toMatch(/Excel workbook/);
    expect(await reason(oleFile({ CONTENTS: new Uint8Array(600) }), 'works.wps')).toMatch(/Microsoft Works/);
  });

  it('refuses a WordDocument stream that is not a Word header, and a truncated OLE header', async () => {
    expect(await reason(oleFile({ WordDocument: new Uint8Array(1024) }))).toMatch(/no Word header/);
    expect(await reason(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(
      /OLE|Word/,
    );
  });

  it('refuses an OFD document by name', async () => {
    const ofd = storedZip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
    expect(await reason(ofd, 'report.ofd')).toMatch(/OFD document .* not supported/);
  });
});

describe.skipIf(!hasCorpus)(`legacy Word, corpus${hasCorpus ? '' : ` (${NO_CORPUS})`}`, () => {
  const name = '平潭综合实验区_2022';

  it('reads the Word table as rows of cells, a merged group label only in its first row', async () => {
    const doc = await extractDocument(corpusFile(`${name}.doc`), `${name}.doc`);
    expect(doc.kind).toBe('doc');
    const rows = doc.lines.filter((l) => l.origin === 'table');
    expect(rows.find((l) => l.cells[0] === '一、本年新收政府信息公开申请数量')?.cells).toEqual([
      '一、本年新收政府信息公开申请数量',
      '71',
      '3',
      '0',
      '0',
      '0',
      '0',
      '74',
    ]);
    expect(rows.find((l) => l.cells[0] === '2.其他法律行政法规禁止公开')?.cells).toHaveLength(8);
    // Table 四's single data row: 15 figures.
    expect(rows.at(-1)?.cells).toHaveLength(15);
    expect(doc.text).toContain('平潭综合实验区2022年度政府信息公开工作年度报告');
  });

  it('gives the same tables 三 and 四 as the original web page', async () => {
    const doc = parseDocument(await extractDocument(corpusFile(`${name}.doc`), `${name}.doc`), `${name}.doc`);
    const html = parseDocument(
      await extractDocument(corpusFile(`${name}.html`), `${name}.html`),
      `${name}.html`,
    );
    expect(doc.ok && html.ok).toBe(true);
    if (!doc.ok || !html.ok) return;
    expect(doc.report.table3).toEqual(html.report.table3);
    expect(doc.report.table4).toEqual(html.report.table4);
    expect(doc.report.source.reader).toBe('doc');
  });

  it('reads a .docx renamed .doc as DOCX (the content decides), and a cut .doc is a clear error', async () => {
    const docx = await extractDocument(corpusFile('blank_template_2021.docx'), 'template.doc');
    expect(docx.kind).toBe('docx');
    const whole = corpusFile(`${name}.doc`);
    expect(await reason(whole.subarray(0, 20_000), 'cut.doc')).toMatch(/damaged|Word|OLE/);
  });
});
