import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/domain/report';
import { extractText } from '../../../src/parser/extract/text';
import { parseDocument } from '../../../src/parser/parse';
import { HEADER, LABELS_2019, table3Rows } from './synthetic';

const rows2019 = table3Rows(LABELS_2019);
const TABLE3 = [...HEADER, ...LABELS_2019.map(([k, label]) => `${label}\t${rows2019.get(k)!.join('\t')}`)];

/** A 2019-format report whose table 二 is given as `table2` lines (written for the test). */
function parse2019(table2: string[]): Report {
  const text = [
    '测试市人民政府2019年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    ...table2,
    ...TABLE3,
  ].join('\n');
  const out = parseDocument(extractText(text), 'synthetic.txt');
  if (!out.ok) throw new Error(out.reason);
  return out.report;
}

const flagged = (r: Report): string[] =>
  r.checks.filter((c) => c.rule === 'ambiguous_split').map((c) => c.where);

describe('readTable2 (through parseDocument)', () => {
  it('converts an amount printed in 元 to 万元 and keeps the printed text in raw', () => {
    const r = parse2019([
      '第二十条第(九)项',
      '信息内容\t采购项目数量\t采购总金额',
      '政府集中采购\t12\t3456789.10元',
    ]);
    expect(r.table2.procurement).toEqual({ items: 12, amount_10k_yuan: 345.67891 });
    expect(r.raw['table2.procurement.amount_10k_yuan']).toBe('3456789.10元');
    expect(flagged(r)).toEqual([]);
  });

  it('cuts run-together procurement digits where the average price per item is believable', () => {
    // 4 items for 2 000 000 元 (50 万元 each); 42 items would average 0.48 万元, 420 items 48 元.
    const r = parse2019(['第二十条第(九)项信息内容采购项目数量采购总金额政府集中采购42000000.00元三、收到']);
    expect(r.table2.procurement).toEqual({ items: 4, amount_10k_yuan: 200 });
    expect(r.raw['table2.procurement.amount_10k_yuan']).toBe('2000000.00元');
    expect(flagged(r)).toContain('table2.procurement');
  });

  it('puts a minus sign only in 本年增/减 and never lets the count go below zero', () => {
    // "50-735": 50 | -7 | 35 or 50 | -73 | 5; never 5 | 0 | -735 (a negative 处理决定数量).
    const r = parse2019([
      '第二十条第(六)项',
      '信息内容上一年项目数量本年增/减处理决定数量',
      '行政处罚50-735',
    ]);
    const penalty = r.table2.penalty!;
    expect(penalty.items_change).toBeLessThan(0);
    expect(penalty.decisions).toBeGreaterThan(0);
    expect(penalty.items_last_year! + penalty.items_change!).toBeGreaterThanOrEqual(0);
  });

  it('does not flag a cut that only one split satisfies', () => {
    const r = parse2019([
      '第二十条第(一)项',
      '信息内容本年新制作数量本年新公开数量对外公开总数量',
      '规章000',
    ]);
    expect(r.table2.regulations).toEqual({ newly_made: 0, newly_published: 0, total_published: 0 });
    expect(flagged(r)).toEqual([]);
  });

  it('never splits a real cell, and places only the edges of a row printed short', () => {
    const text = [
      '测试市人民政府2022年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | 12 | 345 |',
      '| 行政规范性文件 | 3 | 1 | 40 |',
      ...TABLE3,
    ].join('\n');
    const out = parseDocument(extractText(text), 'synthetic.txt');
    if (!out.ok) throw new Error(out.reason);
    const r = out.report;
    // Not 12 | 3 | 45: "345" is one cell. Which cell is missing is unknown: only the edges are kept.
    expect(r.table2.regulations).toEqual({ issued: 12, in_force: 345 });
    expect(r.checks).toContainEqual(
      expect.objectContaining({
        rule: 'table2.short_row',
        where: 'table2.regulations',
        expected: 3,
        actual: 2,
      }),
    );
    expect(r.table2.normative_documents).toEqual({ issued: 3, repealed: 1, in_force: 40 });
  });
});
