import { describe, expect, it } from 'vitest';
import { EndOfTables } from '../../../src/parser/extract/pdf-end';
import type { PdfItem } from '../../../src/parser/extract/pdf-lines';

const page = (...texts: string[]): PdfItem[] =>
  texts.map((str, i) => ({ str, x: 0, y: 800 - 20 * i, width: 10, size: 12 }));

describe(EndOfTables, () => {
  it('ends after the page where a 五、 section follows the table-四 heading', () => {
    const end = new EndOfTables();
    end.see(page('一、总体情况', '五、…内容包括'));
    expect(end.reached).toBe(false);
    end.see(page('四、政府信息公开行政复议、行政诉讼情况', '行政复议'));
    expect(end.reached).toBe(false);
    end.see(page('0 0 0 1 1', '五、存在的主要问题及改进情况'));
    expect(end.reached).toBe(true);
  });

  it('also ends when both headings are on one page, in that order only', () => {
    const before = new EndOfTables();
    before.see(page('五、存在的主要问题', '四、政府信息公开行政复议、行政诉讼情况'));
    expect(before.reached).toBe(false);
    const same = new EndOfTables();
    same.see(page('四 、 政府信息公开行政复议', '1 0 0 0 1', '五.存在问题'));
    expect(same.reached).toBe(true);
  });

  it('never ends without the table-四 heading (every page is read)', () => {
    const end = new EndOfTables();
    end.see(page('行政复议 2 件', '五、其他'));
    expect(end.reached).toBe(false);
  });
});
