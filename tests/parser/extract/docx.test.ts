import { describe, expect, it } from 'vitest';
import { NotAReportError } from '../../../src/parser/document';
import { extractDocx } from '../../../src/parser/extract/docx';
import { corpusFile, hasCorpus, NO_CORPUS, storedZip } from './helpers';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

function docx(body: string): Uint8Array {
  return storedZip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

describe(extractDocx, () => {
  it('turns merged Word cells into the HTML grid rules', async () => {
    const table = `<w:tbl>
      <w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('申请人情况', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('自然人')}${tc('总计')}</w:tr>
      <w:tr>${tc('一、本年新收')}${tc('23')}${tc('23')}</w:tr>
    </w:tbl>`;
    const doc = await extractDocx(docx(p('一、总体情况') + table + p('五、问题')), 'gen.docx');
    expect(doc.kind).toBe('docx');
    expect(doc.lines).toEqual([
      { cells: ['一、总体情况'], origin: 'text' },
      { cells: ['项目', '申请人情况'], origin: 'table', table: 0 },
      { cells: ['项目', '自然人', '总计'], origin: 'table', table: 0 },
      { cells: ['一、本年新收', '23', '23'], origin: 'table', table: 0 },
      { cells: ['五、问题'], origin: 'text' },
    ]);
  });

  it('rejects a ZIP that only looks like a DOCX', async () => {
    const broken = storedZip({ 'word/document.xml': '<not-xml' });
    const error = await extractDocx(broken, 'bad.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAReportError);
    expect((error as NotAReportError).reason).toMatch(/^DOCX could not be read/);
  });

  it.skipIf(!hasCorpus)(
    `yields the blank template's grid with empty value cells${hasCorpus ? '' : ` (${NO_CORPUS})`}`,
    async () => {
      const doc = await extractDocx(corpusFile('blank_template_2021.docx'), 'blank_template_2021.docx');
      const table = doc.lines.filter((l) => l.origin === 'table');
      expect(new Set(table.map((l) => l.table)).size).toBe(3);
      const row = (label: string) => table.find((l) => l.cells.some((c) => c === label));
      expect(row('自然人')?.cells).toContain('法人或其他组织');
      expect(row('一、本年新收政府信息公开申请数量')?.cells).toEqual([
        '一、本年新收政府信息公开申请数量',
        ...Array(7).fill(''),
      ]);
      expect(row('1.属于国家秘密')?.cells).toEqual([
        '三、本年度办理结果',
        '(三)不予公开',
        '1.属于国家秘密',
        ...Array(7).fill(''),
      ]);
      expect(row('四、结转下年度继续办理')?.cells.slice(1)).toEqual(Array(7).fill(''));
      // No figure anywhere in a table cell: a blank template must not look filled in.
      expect(table.flatMap((l) => l.cells).filter((c) => /^\d+$/.test(c))).toEqual([]);
    },
  );
});
