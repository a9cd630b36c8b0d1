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

  it('never guesses a run-together split: undecided cells keep the printed run, the check lists the cuts', () => {
    // 4 items for 2 000 000 元, or 4 200 000 items for 0 元 (no cell starts with 0): nothing decides.
    const r = parse2019([
      '第二十条第(一)项信息内容本年新制作数量本年新公开数量对外公开总数量规章000',
      '第二十条第(九)项信息内容采购项目数量采购总金额政府集中采购42000000.00元三、收到',
    ]);
    expect(r.table2.procurement).toEqual({ items: null, amount_10k_yuan: null });
    expect(r.raw['table2.procurement.items']).toBe('42000000.00元');
    expect(r.raw['table2.procurement.amount_10k_yuan']).toBe('42000000.00元');
    const check = r.checks.find((c) => c.rule === 'ambiguous_split')!;
    expect(check.where).toBe('table2.procurement');
    expect(check.cuts).toEqual([
      [4, 200],
      [4200000, 0],
    ]);
    expect(r.notes).toBeUndefined();
  });

  it('cuts a run by the figures the prose states, and notes the evidence', () => {
    const text = [
      '测试局2022年政府信息公开工作年度报告',
      '一、总体情况 本年度制发规范性文件6件, 均已公开。',
      '二、主动公开政府信息情况',
      '第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6045',
      ...TABLE3,
    ].join('\n');
    const out = parseDocument(extractText(text), 'synthetic.txt');
    if (!out.ok) throw new Error(out.reason);
    // 6|0|45 or 60|4|5: the prose says 6 issued.
    expect(out.report.table2.normative_documents).toEqual({ issued: 6, repealed: 0, in_force: 45 });
    expect(flagged(out.report)).toEqual([]);
    expect(out.report.notes).toEqual([
      expect.objectContaining({ rule: 'table2.split_resolved', where: 'table2.normative_documents' }),
    ]);
    expect(out.report.notes![0]!.message).toContain('制发规范性文件6件');
  });

  it('reads 本年增/减 printed in words ("16减12") as -12 and keeps the text', () => {
    const r = parse2019([
      '第二十条第(八)项信息内容上一年项目数量本年增/减行政事业性收费16减12第二十条第(九)项',
    ]);
    expect(r.table2.fees).toEqual({ items_last_year: 16, items_change: -12 });
    expect(r.raw['table2.fees.items_change']).toBe('减12');
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

  it('decides the cells every possible cut agrees on, and only those', () => {
    // "4500": 45|0|0 or 4|50|0: 处理决定数量 is 0 either way.
    const r = parse2019([
      '第二十条第(五)项信息内容上一年项目数量本年增/减处理决定数量行政许可4500其他对外管理服务事项000',
    ]);
    expect(r.table2.licensing).toEqual({ items_last_year: null, items_change: null, decisions: 0 });
    expect(r.raw['table2.licensing.items_last_year']).toBe('4500');
    expect(r.raw['table2.licensing.decisions']).toBeUndefined();
    expect(flagged(r)).toEqual(['table2.licensing']);
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
