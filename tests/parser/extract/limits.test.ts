/**
 * The parse bounds of issue 14 on crafted files (tests/reliability/hostile-files.ts): each is
 * refused with a message naming the bound, quickly, instead of exhausting memory or the stack.
 */
import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../../src/parser/extract/html-grid';
import { parseHtmlTree } from '../../../src/parser/extract/html-tree';
import { GridBudget, LimitExceeded, MAX_HTML_DEPTH, MAX_PDF_PAGES } from '../../../src/parser/extract/limits';
import { parseReport } from '../../../src/parser/parse';
import { deepHtml, docxBomb, gridBomb } from '../../reliability/hostile-files';
import { makePdf } from './helpers';

const cell = (text: string, rowspan = 1, colspan = 1) => ({ text, rowspan, colspan });

describe('table grid bounds', () => {
  it('refuses the 42 KB rowspan=0 colspan=1000 bomb by its grid-cell bound', async () => {
    const outcome = await parseReport(gridBomb(), 'grid.html');
    expect(outcome).toEqual({
      ok: false,
      file: 'grid.html',
      reason: expect.stringMatching(/limit of 1,000,000 table grid cells/),
      refusal: expect.objectContaining({ code: 'gridSlots' }),
    });
  });

  it('a 1,000-row bomb in a small file is refused too (12 KB version)', async () => {
    const outcome = await parseReport(gridBomb(280), 'small-grid.html');
    expect(outcome.ok).toBe(false);
  });

  it('draws every table of a document from one budget', () => {
    const budget = new GridBudget();
    const big = [[cell('x', 1, 1000)], ...Array.from({ length: 599 }, () => [cell('y', 1, 1000)])];
    layoutGrid(big, undefined, budget);
    expect(() => layoutGrid(big, undefined, budget)).toThrow(LimitExceeded);
  });

  it('rowspan=0 spans to the end of its row group, not of the table', () => {
    const rows = layoutGrid(
      [[cell('head', 0), cell('h')], [cell('h2')], [cell('body')], [cell('b2')]],
      [1, 1, 2, 2],
    );
    expect(rows).toEqual([['head', 'h'], ['head', 'h2'], ['body'], ['b2']]);
  });

  it('reads thead/tbody as separate row groups in HTML', async () => {
    const { extractHtml } = await import('../../../src/parser/extract/html');
    const doc = extractHtml(
      '<table><thead><tr><td rowspan=0>H</td><td>1</td></tr></thead><tbody><tr><td>a</td><td>2</td></tr></tbody></table>',
    );
    expect(doc.lines.map((l) => l.cells)).toEqual([
      ['H', '1'],
      ['a', '2'],
    ]);
  });
});

describe('nesting depth', () => {
  it('100,000 nested divs: refused by the depth bound, no stack overflow, in well under a second', async () => {
    const started = performance.now();
    const outcome = await parseReport(deepHtml(100_000), 'deep.html');
    expect(outcome).toEqual({
      ok: false,
      file: 'deep.html',
      reason: expect.stringMatching(/deeper than the limit of 10,000/),
      refusal: expect.objectContaining({ code: 'depth' }),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('9,000 nested divs: read, the tree flattened at the depth bound', async () => {
    const html = new TextDecoder().decode(deepHtml(9_000));
    let depth = 0;
    let node = parseHtmlTree(html).root;
    for (;;) {
      const next = node.children.find((c) => typeof c !== 'string');
      if (!next || typeof next === 'string') break;
      node = next;
      depth++;
    }
    expect(depth).toBeLessThanOrEqual(MAX_HTML_DEPTH + 1);
    const outcome = await parseReport(deepHtml(9_000), 'deep.html');
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/no table 三/) });
  });
});

describe('DOCX zip bombs', () => {
  it('a ~1.4 MB DOCX whose document.xml inflates to 400 MB is refused by the part bound', async () => {
    const bomb = await docxBomb(400);
    expect(bomb.length).toBeLessThan(2_000_000);
    expect(await parseReport(bomb, 'bomb.docx')).toEqual({
      ok: false,
      file: 'bomb.docx',
      reason: expect.stringMatching(/word\/document\.xml inflates past the limit of 64 MB/),
      refusal: expect.objectContaining({ code: 'zipEntry' }),
    });
  }, 60_000);

  it('a bomb whose central directory lies about the size is caught while inflating', async () => {
    const before = process.memoryUsage().rss;
    const outcome = await parseReport(await docxBomb(100, true), 'lying.docx');
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/inflates past the limit/) });
    // Stopped at the bound, never holding the 100 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(90 * 1024 * 1024);
  }, 60_000);
});

describe('PDF pages', () => {
  it(`a PDF of more than ${MAX_PDF_PAGES} pages is refused by its page count`, async () => {
    const pdf = makePdf(Array.from({ length: MAX_PDF_PAGES + 1 }, () => [{ x: 72, y: 700, text: 'p' }]));
    expect(await parseReport(pdf, 'long.pdf')).toEqual({
      ok: false,
      file: 'long.pdf',
      reason: expect.stringMatching(/1,001 pages, over the limit of 1,000/),
      refusal: expect.objectContaining({ code: 'pdfPages' }),
    });
  }, 60_000);
});
