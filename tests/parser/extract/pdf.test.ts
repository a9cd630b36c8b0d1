import { describe, expect, it } from 'vitest';
import { NotAReportError } from '../../../src/parser/document';
import { extractPdf } from '../../../src/parser/extract/pdf';
import { corpusFile, hasCorpus, makePdf, NO_CORPUS, utf8 } from './helpers';

async function rejection(bytes: Uint8Array): Promise<NotAReportError> {
  const error = await extractPdf(bytes, 'x.pdf').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotAReportError);
  return error as NotAReportError;
}

describe(extractPdf, () => {
  it('rebuilds lines and a table from a generated PDF', async () => {
    const pdf = makePdf([
      [
        { x: 72, y: 760, text: 'Annual report 2024', size: 16 },
        { x: 72, y: 600, text: 'New requests' },
        { x: 300, y: 600, text: '23' },
        { x: 340, y: 600, text: '0' },
        { x: 72, y: 580, text: 'Carried over' },
        { x: 300, y: 580, text: '1' },
        { x: 340, y: 580, text: '2' },
        { x: 290, y: 40, text: '- 1 -' },
      ],
      [{ x: 72, y: 760, text: 'Second page', size: 16 }],
    ]);
    const doc = await extractPdf(pdf, 'gen.pdf');
    expect(doc.kind).toBe('pdf');
    // Each cell's box in points from the page's top-left (842 pt high): "23" starts at x 300 and
    // spans its baseline (842 − 600 = 242), "0" starts at 340.
    const [, row] = doc.lines;
    const [label, twentyThree, zero] = row!.boxes!;
    expect(label![0]).toBeCloseTo(72, 0);
    expect(twentyThree![0]).toBeCloseTo(300, 0);
    expect(zero![0]).toBeCloseTo(340, 0);
    expect(twentyThree![1]).toBeLessThan(242);
    expect(twentyThree![3]).toBeGreaterThanOrEqual(242);
    expect(twentyThree![2]).toBeGreaterThan(twentyThree![0]);
    expect(twentyThree![2]).toBeLessThan(zero![0]);
    expect(doc.lines.map(({ boxes: _, ...l }) => l)).toEqual([
      { cells: ['Annual report 2024'], origin: 'text', page: 1 },
      { cells: ['New requests', '23', '0'], origin: 'table', table: 0, page: 1 },
      { cells: ['Carried over', '1', '2'], origin: 'table', table: 0, page: 1 },
      { cells: ['Second page'], origin: 'text', page: 2 },
    ]);
    expect(doc.text).toBe('Annual report 2024\nNew requests 23 0\nCarried over 1 2\nSecond page');
  });

  it('reads a landscape page stored as portrait with /Rotate 90 left to right', async () => {
    const pdf = makePdf(
      [
        [
          { x: 72, y: 500, text: 'Review' },
          { x: 300, y: 500, text: '1' },
          { x: 330, y: 500, text: '0' },
          { x: 72, y: 480, text: 'Litigation' },
          { x: 300, y: 480, text: '2' },
          { x: 330, y: 480, text: '3' },
        ],
      ],
      { landscape: true },
    );
    expect((await extractPdf(pdf, 'landscape.pdf')).lines.map((l) => l.cells)).toEqual([
      ['Review', '1', '0'],
      ['Litigation', '2', '3'],
    ]);
  });

  it('leaves the caller’s bytes usable', async () => {
    const pdf = makePdf([[{ x: 72, y: 700, text: 'x' }]]);
    await extractPdf(pdf, 'a.pdf');
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect((await extractPdf(pdf, 'a.pdf')).lines).toHaveLength(1);
  });

  it('rejects a PDF without text as having no text layer', async () => {
    expect((await rejection(makePdf([[]]))).reason).toBe(
      'PDF has no text layer and no page images to read (blank?)',
    );
  });

  it('rejects damaged PDFs with a one-line reason', async () => {
    const junk = await rejection(utf8('%PDF-1.7\nthis is not a pdf at all'));
    expect(junk.reason).toMatch(/damaged or truncated PDF|could not be/);
    const cut = makePdf([[{ x: 72, y: 700, text: 'x' }]]).slice(0, 60);
    expect((await rejection(cut)).reason).not.toContain('\n');
  });

  describe.skipIf(!hasCorpus)(`corpus 洪泽区_2024.pdf${hasCorpus ? '' : ` (${NO_CORPUS})`}`, () => {
    it('gives table-三 label cells with seven figures on their lines', async () => {
      const doc = await extractPdf(corpusFile('洪泽区_2024.pdf'), '洪泽区_2024.pdf');
      const row = (label: string) => doc.lines.find((l) => l.cells.some((c) => c.includes(label)));
      expect(row('一、本年新收政府信息公开申请数量')).toMatchObject({
        origin: 'table',
        cells: ['一、本年新收政府信息公开申请数量', '95', '0', '0', '0', '0', '0', '95'],
      });
      // Label wrapped over two lines around its figures, re-joined (no space between CJK).
      expect(row('(二)部分公开')?.cells).toEqual([
        '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
        '9',
        '0',
        '0',
        '0',
        '0',
        '0',
        '9',
      ]);
      expect(row('5.要求行政机关确认')?.cells.slice(1)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
      expect(row('(七)总计')?.cells).toEqual(['(七)总计', '95', '0', '0', '0', '0', '0', '95']);
      // Table 三 runs over pages 3 and 4 as one table.
      const t3 = new Set(
        doc.lines
          .filter((l) => /^(二、上年结转|\(七\)总计|2\.重复申请|四、结转下年度)/.test(l.cells[0] ?? ''))
          .map((l) => l.table),
      );
      expect(t3.size).toBe(1);
      // Table 四's single data row: fifteen figures.
      expect(
        doc.lines.some((l) => l.cells.length === 15 && l.cells.join(' ') === '1 1 0 0 2 1 0 0 0 1 2 0 1 0 3'),
      ).toBe(true);
      expect(doc.text).toContain('淮安市洪泽区人民政府');
      // Page 5 holds only 五、/六、 (conclusions) after table 四: it is not read.
      expect(Math.max(...doc.lines.map((l) => l.page ?? 0))).toBe(4);
      expect(doc.lines.some((l) => /^-\s*\d+\s*-$/.test(l.cells[0]!))).toBe(false);
    });
  });
});
