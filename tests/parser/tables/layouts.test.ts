import { describe, expect, it } from 'vitest';
import { TABLE3_COLUMNS, type Table3Row } from '../../../src/domain/keys';
import type { Report } from '../../../src/domain/report';
import type { ExtractedDocument } from '../../../src/parser/document';
import { extractText } from '../../../src/parser/extract/text';
import { parseDocument } from '../../../src/parser/parse';
import { HEADER, LABELS_2019, LABELS_2021, T4_HEADING, table3Rows } from './synthetic';

const TITLE = '测试县人民政府2022年政府信息公开工作年度报告';
const T4_VALUES = [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2];

function parseText(text: string): Report {
  const out = parseDocument(extractText(text), 'synthetic.txt');
  if (!out.ok) throw new Error(out.reason);
  return out.report;
}

function expectTable(report: Report, rows: Map<Table3Row, number[]>): void {
  for (const [row, cells] of rows) {
    const rec = report.table3[row];
    expect(rec, row).toBeDefined();
    expect(
      TABLE3_COLUMNS.map((c) => rec![c]),
      row,
    ).toEqual(cells);
  }
  expect(Object.keys(report.table3)).toEqual([...rows.keys()]);
}

const rows2021 = table3Rows(LABELS_2021);
const rows2019 = table3Rows(LABELS_2019);

function doc(lines: string[]): string {
  return [TITLE, ...HEADER, ...lines, T4_HEADING, T4_VALUES.join(' '), '五、存在的主要问题及改进情况'].join(
    '\n',
  );
}

describe('table 三 layouts (parseDocument)', () => {
  it('reads tab-separated rows with merged label columns and leading empty cells', () => {
    const lines = LABELS_2021.map(([k, label], i) => {
      const lead = i < 2 ? '' : i % 2 ? '\t' : '\t\t';
      return `${lead}${label}\t${i % 3 === 0 ? '\t' : ''}${rows2021.get(k)!.join('\t')}\t`;
    });
    const r = parseText(doc(lines));
    expectTable(r, rows2021);
    expect(r.checks).toEqual([]);
    expect(r.table4.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
  });

  it('reads one cell per line (blank lines between cells)', () => {
    const lines = LABELS_2021.flatMap(([k, label]) => [
      label,
      '',
      ...rows2021.get(k)!.flatMap((v) => [` ${v} `, '']),
    ]);
    expectTable(parseText(doc(lines)), rows2021);
  });

  it('reads one cell per line with "|" terminators, where a bare "|" is an empty cell', () => {
    const lines = LABELS_2021.flatMap(([k, label]) => [
      `${label} |`,
      ...rows2021.get(k)!.map((v, i) => (i === 2 ? '|' : `${v} |`)),
      '||',
    ]);
    const r = parseText(doc(lines));
    expect(r.table3.granted!.research).toBeNull();
    expect(r.table3.granted!.total).toBe(rows2021.get('granted')![6]);
    expect(r.raw['table3.granted.research']).toBeUndefined();
  });

  it('treats bare "|" lines as separators when cells are printed on their own lines', () => {
    const lines = LABELS_2021.flatMap(([k, label]) => [
      '|',
      label,
      ...rows2021.get(k)!.flatMap((v) => ['|', String(v)]),
    ]);
    expectTable(parseText(doc(lines)), rows2021);
  });

  it('reads markdown tables fragmented into several tables, with short header rows', () => {
    const lines: string[] = ['| 类别 | 数据1 | 数据2 | 总计 |', '|---|---|---|---|'];
    LABELS_2021.forEach(([k, label], i) => {
      if (i % 4 === 0) lines.push('', '| 项目 | 予以公开 | 总计 |', '|---|---|---|');
      lines.push(`| ${label} | ${rows2021.get(k)!.join(' | ')} |${i % 2 ? '  |' : ''}`);
    });
    expectTable(parseText(doc(lines)), rows2021);
  });

  it('reads space-separated rows whose wrapped labels sit above and below their numbers', () => {
    const lines: string[] = [];
    for (const [k, label] of LABELS_2021) {
      const values = rows2021.get(k)!.join(' ');
      if (label.length > 12) {
        // PDF text: the figures sit on the middle line of a wrapped label, or before a short one.
        lines.push(label.slice(0, 8), values, label.slice(8));
      } else if (k.startsWith('withheld_') && k.length % 2) {
        lines.push(values, label);
      } else {
        lines.push(`${label} ${values}`);
      }
    }
    lines.splice(10, 0, '- 3 -'); // a page footer inside the table
    expectTable(parseText(doc(lines)), rows2021);
  });

  it('keeps labels split across lines ("(三)" / "不予公开") and one-character-per-line headings', () => {
    const lines: string[] = [];
    for (const [k, label] of LABELS_2021) {
      if (k === 'withheld_state_secret') lines.push('(三)', '', '不予公开');
      if (k === 'granted') lines.push(...'三、本年度办理结果'.split(''));
      lines.push(label, ...rows2021.get(k)!.map(String));
    }
    expectTable(parseText(doc(lines)), rows2021);
  });

  it('reads the 2019 format with a single （六）其他处理 row', () => {
    const lines = LABELS_2019.map(([k, label]) => `${label}\t${rows2019.get(k)!.join('\t')}`);
    const text = [
      '测试市人民政府2019年政府信息公开工作年度报告',
      '第二十条第(一)项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '规范性文件\t3\t3\t40',
      ...HEADER,
      ...lines,
    ].join('\n');
    const r = parseText(text);
    expect(r.format).toBe('2019');
    expectTable(r, rows2019);
    expect(r.table2.normative_documents).toEqual({ newly_made: 3, newly_published: 3, total_published: 40 });
  });

  it('reads the hybrid: 2021 table 二 with a single-row （六）其他处理', () => {
    const lines = LABELS_2019.map(([k, label]) => `${label} ${rows2019.get(k)!.join(' ')}`);
    const text = [
      TITLE,
      '第二十条第(一)项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '行政规范性文件 3 1 40',
      ...HEADER,
      ...lines,
    ].join('\n');
    const r = parseText(text);
    expect(r.format).toBe('2021');
    expect(r.table3.other_single).toBeDefined();
    expect(r.table3.other_other).toBeUndefined();
    expect(r.table2.normative_documents).toEqual({ issued: 3, repealed: 1, in_force: 40 });
  });

  it('keeps "/", "-", "—" as null with raw, and an empty cell as null without raw', () => {
    const lines = LABELS_2021.map(([k, label]) => {
      const cells = rows2021.get(k)!.map(String);
      if (k === 'granted') cells.splice(1, 3, '/', '-', '—');
      if (k === 'carried_over') cells[2] = '';
      return `| ${label} | ${cells.join(' | ')} |`;
    });
    const r = parseText(doc(lines));
    expect(r.table3.granted).toMatchObject({ commercial: null, research: null, social_org: null });
    expect(r.raw).toMatchObject({
      'table3.granted.commercial': '/',
      'table3.granted.research': '-',
      'table3.granted.social_org': '—',
    });
    expect(r.table3.carried_over!.research).toBeNull();
    expect(r.raw['table3.carried_over.research']).toBeUndefined();
    // Blank is not zero: the identities touching blank cells are skipped, not failed.
    expect(r.checks.filter((c) => c.rule.startsWith('table3.'))).toEqual([]);
  });

  it('reads traditional characters (公開/申請/數量)', () => {
    const lines = LABELS_2021.map(([k, label]) => {
      const trad = label.replace(/开/g, '開').replace(/请/g, '請').replace(/数/g, '數').replace(/处/g, '處');
      return `${trad} | ${rows2021.get(k)!.join(' | ')} |`;
    });
    expectTable(parseText(doc(lines)), rows2021);
  });
});

describe('run-together digits (flattened crawler text)', () => {
  function flattened(
    rows: Map<Table3Row, number[]>,
    labels: readonly [Table3Row, string][],
    spaces = false,
  ): string {
    const body = labels
      .map(([k, label]) => {
        const v = rows.get(k)!;
        return (
          label +
          (spaces && k === 'new_received' ? `${v.slice(0, 2).join('')} ${v.slice(2).join('')}` : v.join(''))
        );
      })
      .join('');
    return `${TITLE}\n${HEADER.join('')}${body}${T4_HEADING}${T4_VALUES.join('')}五、存在的主要问题及改进情况`;
  }

  it('recovers cells from row sums and column identities, list numbers included ("00000002.其他…")', () => {
    const r = parseText(flattened(rows2021, LABELS_2021, true));
    expectTable(r, rows2021);
    expect(r.table4.litigation_after_review).toEqual({
      upheld: 1,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 2,
    });
  });

  it('flags a row that fits more than one split', () => {
    // 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30 both satisfy the row sum; nothing else decides.
    const text = `${TITLE}\n${HEADER.join('')}${LABELS_2021[0]![1]}270020130${LABELS_2021[2]![1]}1000001`;
    const r = parseText(text);
    expect(r.checks.map((c) => c.rule)).toContain('ambiguous_split');
    expect(r.checks.find((c) => c.rule === 'ambiguous_split')!.where).toBe('table3.new_received');
  });
});

describe('incomplete and empty tables', () => {
  it('yields the rows of a truncated excerpt, the last one cut mid-row, plus an incomplete check', () => {
    const lines = LABELS_2021.slice(0, 6).map(([k, label]) => `${label} | ${rows2021.get(k)!.join(' | ')} |`);
    lines.push(`${LABELS_2021[6]![1]} | 0 | 0 | 0`);
    const r = parseText([TITLE, ...HEADER, ...lines].join('\n'));
    expect(Object.keys(r.table3)).toHaveLength(7);
    expect(r.table3.withheld_three_safeties_one_stability).toEqual({
      natural_person: 0,
      commercial: 0,
      research: 0,
    });
    expect(r.checks).toContainEqual(expect.objectContaining({ rule: 'incomplete', where: 'table3' }));
  });

  it('gives no figures for a blank template, never zeros', () => {
    const lines = LABELS_2021.map(([, label]) => `| ${label} |  |  |  |  |  |  |  |`);
    const r = parseText([TITLE, ...HEADER, ...lines].join('\n'));
    expect(r.table3).toEqual({});
    expect(r.checks.map((c) => c.rule)).toContain('no_figures');
  });

  it('refuses a document without table 三', () => {
    const out = parseDocument(extractText(`${TITLE}\n一、总体情况\n今年收到申请 3 件。`), 'x.txt');
    expect(out).toEqual({
      ok: false,
      file: 'x.txt',
      reason: expect.stringMatching(/table 三/),
      refusal: { code: 'noTable3', params: {} },
    });
  });

  it('says why a page without table 三 is refused: a pre-2019 report, a title only, or no table', () => {
    const reason = (text: string) => {
      const out = parseDocument(extractText(text), 'x.txt');
      return out.ok ? '' : out.reason;
    };
    expect(
      reason('测试局2018年政府信息公开工作报告\n一、概述\n依申请公开政府信息办理情况: 受理申请总数1件。'),
    ).toMatch(/a report for 2018: pre-2019 statistics, not the national format/);
    expect(
      reason(
        '标题: 测试局2020年政府信息公开工作年度报告\n==== 正文 ====\n测试局2020年政府信息公开工作年度报告',
      ),
    ).toMatch(/only a title, no text and no tables/);
    expect(reason('hello')).toMatch(/no table 三/);
    expect(reason(`${TITLE}\n一、总体情况\n今年收到申请 3 件。`)).toMatch(/no table 三/);
  });

  it('reads HTML/PDF-style lines of real cells with the same logic', () => {
    const lines: ExtractedDocument['lines'] = [
      { cells: [HEADER[0]!], origin: 'text' },
      ...LABELS_2021.map(([k, label]) => ({
        cells: [label, ...rows2021.get(k)!.map(String)],
        origin: 'table' as const,
        table: 1,
      })),
    ];
    const out = parseDocument({ kind: 'html', lines, text: TITLE }, 'x.html');
    expect(out.ok).toBe(true);
    if (out.ok) expectTable(out.report, rows2021);
  });
});
