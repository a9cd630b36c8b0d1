import { describe, expect, it } from 'vitest';
import { buildPdfLines, type PdfItem } from '../../../src/parser/extract/pdf-lines';

/** An item as wide as CJK text (1 em a character) or figures and Latin (0.5 em). */
const item = (str: string, x: number, y: number, size = 10): PdfItem => ({
  str,
  x,
  y,
  size,
  width: [...str].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1) * size, 0),
});
const page = (...items: PdfItem[]) => ({ items, height: 842 });
const cells = (pages: ReturnType<typeof page>[]) => buildPdfLines(pages).map((l) => l.cells);

describe(buildPdfLines, () => {
  it('groups runs by baseline, top to bottom, and orders them by x', () => {
    const lines = cells([page(item('第二行', 72, 680), item('右', 300, 700), item('第一行', 72, 700))]);
    expect(lines).toEqual([['第一行', '右'], ['第二行']]);
  });

  it('puts a label and figures set in different sizes a point apart on one line', () => {
    const lines = cells([
      page(item('1.属于国家秘密', 180, 230.3, 9), item('0', 322, 230.5, 14), item('5', 352, 228.6, 14)),
    ]);
    expect(lines).toEqual([['1.属于国家秘密', '0', '5']]);
  });

  it('joins runs separated by small gaps and splits at wide ones', () => {
    // "1." ends at 189, the label starts at 189.1; the figure is 40 pt further.
    const lines = cells([page(item('1.', 180, 500), item('本机关不掌握', 189.1, 500), item('31', 283, 500))]);
    expect(lines).toEqual([['1.本机关不掌握', '31']]);
  });

  it('puts a space between Latin words split into runs but not between Chinese runs', () => {
    const lines = cells([
      page(
        item('2024', 72, 500),
        item('年', 72 + 20 + 3, 500),
        item('Annual', 72, 480),
        item('report', 72 + 30 + 3, 480),
      ),
      page(item('政府', 72, 500), item('信息', 72 + 20 + 3, 500)),
    ]);
    expect(lines).toEqual([['2024 年'], ['Annual report'], ['政府信息']]);
  });

  it('splits figures in narrow columns that a phrase gap would join', () => {
    const lines = cells([
      page(
        item('1', 90, 386, 14),
        item('1', 103, 386, 14),
        item('0', 116, 386, 14),
        item('12', 240, 386, 14),
      ),
    ]);
    expect(lines).toEqual([['1', '1', '0', '12']]);
  });

  it('drops page numbers at the page edge but keeps figures in the body', () => {
    const lines = cells([
      page(item('正文', 72, 700), item('7', 300, 400), item('- 3 -', 290, 40), item('第 3 页', 290, 820)),
    ]);
    expect(lines).toEqual([['正文'], ['7']]);
  });

  it('re-joins a label wrapped around a vertically centred row of figures', () => {
    const lines = buildPdfLines([
      page(
        item('（一）予以公开', 104, 290, 9),
        item('50', 318, 290, 14),
        item('0', 352, 290, 14),
        item('（二）部分公开（区分处理的，不', 104, 265, 9),
        item('9', 322, 257.3, 14),
        item('0', 352, 257.3, 14),
        item('计其他情形）', 104, 251.5, 9),
        item('1.属于国家秘密', 180, 230, 9),
        item('0', 322, 230, 14),
        item('0', 352, 230, 14),
      ),
    ]);
    expect(lines.map((l) => l.cells)).toEqual([
      ['(一)予以公开', '50', '0'],
      ['(二)部分公开(区分处理的,不计其他情形)', '9', '0'],
      ['1.属于国家秘密', '0', '0'],
    ]);
  });

  it('marks runs of multi-cell lines as tables, with headings between tables as text', () => {
    const prose = (y: number) => item('这是正文段落的一行文字', 72, y, 16);
    const lines = buildPdfLines([
      page(
        prose(760),
        item('信息内容', 80, 700, 12),
        item('本年制发件数', 250, 700, 12),
        item('规章', 80, 665, 12),
        item('0', 282, 665, 12),
        item('第二十条第（五）项', 240, 630, 12),
        item('行政许可', 80, 600, 12),
        item('9487', 362, 600, 12),
        item('三、收到和处理政府信息公开申请情况', 104, 570, 16),
        item('一、本年新收', 80, 540, 10),
        item('95', 318, 540, 14),
        item('二、上年结转', 80, 520, 10),
        item('0', 322, 520, 14),
        prose(480),
      ),
    ]);
    expect(lines.map((l) => [l.origin, l.table, l.cells[0]])).toEqual([
      ['text', undefined, '这是正文段落的一行文字'],
      ['table', 0, '信息内容'],
      ['table', 0, '规章'],
      ['table', 0, '第二十条第(五)项'],
      ['table', 0, '行政许可'],
      ['text', undefined, '三、收到和处理政府信息公开申请情况'],
      ['table', 1, '一、本年新收'],
      ['table', 1, '二、上年结转'],
      ['text', undefined, '这是正文段落的一行文字'],
    ]);
    expect(lines.every((l) => l.page === 1)).toBe(true);
  });

  it('keeps a single multi-cell line as text', () => {
    const lines = buildPdfLines([
      page(
        item('淮安市洪泽区人民政府', 300, 200, 16),
        item('2025年1月', 300, 150, 16),
        item('附件：', 72, 100, 16),
        item('统计表', 200, 100, 16),
      ),
    ]);
    expect(lines.every((l) => l.origin === 'text')).toBe(true);
  });

  it('continues a table across a page break with the same table number', () => {
    const row = (label: string, y: number) => [
      item(label, 80, y),
      item('1', 320, y),
      item('0', 350, y),
      item('1', 380, y),
    ];
    const lines = buildPdfLines([
      page(item('正文', 72, 760, 16), ...row('a', 120), ...row('b', 100), item('- 3 -', 290, 40)),
      page(...row('c', 780), ...row('d', 760), item('正文', 72, 700, 16)),
    ]);
    expect(lines.map((l) => [l.page, l.origin, l.table])).toEqual([
      [1, 'text', undefined],
      [1, 'table', 0],
      [1, 'table', 0],
      [2, 'table', 0],
      [2, 'table', 0],
      [2, 'text', undefined],
    ]);
  });

  it('applies NFKC to cell text and skips whitespace-only runs', () => {
    const lines = cells([page(item('（一）１２件', 72, 700), item('   ', 200, 700))]);
    expect(lines).toEqual([['(一)12件']]);
  });
});
