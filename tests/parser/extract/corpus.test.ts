/**
 * The real reports of /work/shared/corpus through the extractors (and, for the formats only
 * this layer reads, through the table logic: the figures must match the text version).
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/parser/extract';
import { parseDocument } from '../../../src/parser/parse';
import { corpusFile, encodeGbk, hasCorpus, NO_CORPUS } from './helpers';

const NUMBER = /^\d+$/;
const YEARS = [2019, 2020, 2021, 2022, 2024, 2025];

describe.skipIf(!hasCorpus)(`corpus extraction${hasCorpus ? '' : ` (${NO_CORPUS})`}`, () => {
  it('reads the 平潭 2019 page as a table-三 grid with seven figures on each data row', async () => {
    const doc = await extractDocument(corpusFile('平潭综合实验区_2019.html'), '平潭综合实验区_2019.html');
    const first = doc.lines.find((l) => l.cells[0] === '一、本年新收政府信息公开申请数量')!;
    expect(first.origin).toBe('table');
    const table3 = doc.lines.filter((l) => l.origin === 'table' && l.table === first.table);
    const dataRows = table3.filter((l) => l.cells.some((c) => NUMBER.test(c)));
    expect(dataRows.length).toBe(23); // 一, 二, 三(一)…(七) with their sub-rows, 四 (2019 format)
    for (const row of dataRows) expect(row.cells.filter((c) => NUMBER.test(c))).toHaveLength(7);
    expect(first.cells).toEqual(['一、本年新收政府信息公开申请数量', '23', '0', '0', '0', '0', '0', '23']);
    // Page chrome is gone, the article is there.
    expect(doc.text).not.toMatch(/无障碍浏览|当前位置/);
    expect(doc.text).toContain('平潭综合实验区2019年度政府信息公开工作年度报告');
  });

  it('gives the same document for the 平潭 page re-encoded as GBK (its meta still says utf-8)', async () => {
    const html = new TextDecoder().decode(corpusFile('平潭综合实验区_2024.html'));
    const fromUtf8 = await extractDocument(new TextEncoder().encode(html), 'a.html');
    expect(await extractDocument(encodeGbk(html), 'a.html')).toEqual(fromUtf8);
  });

  it.each(YEARS)('gives the same table 三 and 四 for 平潭 %i as HTML and as text', async (year) => {
    const name = `平潭综合实验区_${year}`;
    const html = parseDocument(
      await extractDocument(corpusFile(`${name}.html`), `${name}.html`),
      `${name}.html`,
    );
    const text = parseDocument(
      await extractDocument(corpusFile(`${name}.txt`), `${name}.txt`),
      `${name}.txt`,
    );
    expect(html.ok && text.ok).toBe(true);
    if (!html.ok || !text.ok) return;
    expect(html.report.table3).toEqual(text.report.table3);
    expect(html.report.table4).toEqual(text.report.table4);
  });

  it('gives the same figures for 洪泽区 2024 as PDF and as text', async () => {
    const pdf = parseDocument(
      await extractDocument(corpusFile('洪泽区_2024.pdf'), '洪泽区_2024.pdf'),
      'a.pdf',
    );
    const text = parseDocument(
      await extractDocument(corpusFile('洪泽区_2024.txt'), '洪泽区_2024.txt'),
      'b.txt',
    );
    expect(pdf.ok && text.ok).toBe(true);
    if (!pdf.ok || !text.ok) return;
    expect(pdf.report.table3).toEqual(text.report.table3);
    expect(pdf.report.table4).toEqual(text.report.table4);
    expect(pdf.report.table2).toEqual(text.report.table2);
    expect(Object.keys(pdf.report.table3)).not.toHaveLength(0);
  });

  it('reads the blank DOCX template as a report with no figures', async () => {
    const doc = await extractDocument(corpusFile('blank_template_2021.docx'), 'blank_template_2021.docx');
    expect(doc.kind).toBe('docx');
    expect(doc.lines.some((l) => l.origin === 'table')).toBe(true);
    expect(doc.lines.flatMap((l) => (l.origin === 'table' ? l.cells : [])).some((c) => NUMBER.test(c))).toBe(
      false,
    );
  });
});
