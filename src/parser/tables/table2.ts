/**
 * Table 二 (主动公开政府信息情况): item label → the values that follow it, as many as the item has
 * columns in the detected format. Run-together digits ("6045") have no identity inside the row:
 * a cut is taken only when one cut alone keeps the relations that must hold, or when the report's
 * prose states a figure that leaves one cut (noted `table2.split_resolved`). Otherwise nothing is
 * guessed: the cells stay null with the printed run in `raw`, flagged `ambiguous_split`, and the
 * ingest step may still decide them with the same body's other years (resolve-splits.ts).
 */
import { type Format, TABLE2_ITEMS } from '../../domain/keys';
import type { CheckFailure, ReportNote, TableValues } from '../../domain/report';
import { matchTable2Item, table2FormatHint } from '../labels';
import { toRuns } from './runs';
import { splitCandidates } from './split';
import { statedFigures, yuanTo10k } from './table2-prose';
import type { Token, ValueToken } from './tokens';

export interface Table2Read {
  values: TableValues;
  raw: Record<string, string>;
  checks: CheckFailure[];
  notes: ReportNote[];
}

/** Format evidence from table 二's column headings, or null when it says nothing. */
export function table2Format(tokens: readonly Token[], from: number, to: number): Format | null {
  let f2019 = 0;
  let f2021 = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'label') continue;
    const hint = table2FormatHint(t.text);
    if (hint === '2019') f2019++;
    else if (hint === '2021') f2021++;
  }
  if (f2019 === f2021) return null;
  return f2021 > f2019 ? '2021' : '2019';
}

/**
 * Relations a cut must satisfy: a count is never negative (only 本年增/减 can be, and last
 * year's items plus the change cannot go below zero); 2019 (一): nothing newly published beyond
 * the cumulative total. (2021 has none: more can be repealed than is in force at year end, e.g.
 * 自然资源与生态环境局 2022 prints 2 issued, 44 repealed, 32 in force.)
 */
function possible(columns: readonly string[], parts: readonly number[]): boolean {
  const at = (c: string): number => parts[columns.indexOf(c)] ?? 0;
  if (parts.some((p, i) => p < 0 && columns[i] !== 'items_change')) return false;
  if (columns.includes('items_change')) return at('items_last_year') + at('items_change') >= 0;
  if (columns.includes('newly_made')) return at('newly_published') <= at('total_published');
  return true;
}

/** Whether table 二's procurement heading gives the amount in 元: "采购总金额（元）", "（单位：元）". */
function amountHeadedInYuan(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && /采购总金额\s*[(（]\s*(?:单位\s*[:：]\s*)?元\s*[)）]/.test(t.text)) return true;
  }
  return false;
}

/** A figure as run-together text may end in its money unit: "13575394432.52元". */
const RUN_TOGETHER = /^-?\d+(?:\.\d+)?(?:万?元)?$/;

export interface Table2Cut {
  parts: number[];
  /** The amount cell as printed, when its unit was converted: "75394432.52元". */
  yuan: string | null;
}

/**
 * Every cut of a run-together table-二 row ("6045", "13575394432.52元") into the item's columns
 * that keeps the relations that must hold (all cuts, when none does: the report may be wrong).
 * Pure and deterministic: the ingest step calls it again on the printed run (kept in `raw`) to
 * resolve a split with another year's report (src/parser/resolve-splits.ts).
 */
export function table2Cuts(
  tokens: readonly string[],
  columns: readonly string[],
  yuanHeader = false,
): Table2Cut[] {
  if (tokens.length === 0) return [];
  const unit = /万?元$/.exec(tokens[tokens.length - 1] ?? '')?.[0] ?? '';
  // "采购总金额（元）": the heading gives the unit the figure does not print.
  const inYuan = unit === '元' || (unit === '' && yuanHeader);
  // A decimal belongs to the last cell ("…4432.52" is an amount).
  const last = (tokens[tokens.length - 1] ?? '').slice(0, tokens[tokens.length - 1]!.length - unit.length);
  const frac = last.includes('.') ? last.slice(last.indexOf('.')) : '';
  const ints = [...tokens.slice(0, -1), frac ? last.slice(0, last.indexOf('.')) : last];
  const list = splitCandidates(ints, columns.length, { limit: 500 }).map((p): Table2Cut => {
    const i = p.length - 1;
    const printed = `${p[i]}${frac}${unit}`;
    if (frac) p[i] = Number(`${p[i]}${frac}`);
    const yuan = inYuan && columns[i] === 'amount_10k_yuan';
    if (yuan) p[i] = yuanTo10k(printed);
    return { parts: p, yuan: yuan ? printed : null };
  });
  const fitting = list.filter((c) => possible(columns, c.parts));
  return fitting.length > 0 ? fitting : list;
}

/**
 * The cuts a report's own prose leaves: those whose cells agree with every figure the prose
 * states for this item (see `statedFigures`); all of them when the prose states nothing, or
 * contradicts every cut (it may speak of something else).
 */
function byProse(
  cuts: readonly Table2Cut[],
  columns: readonly string[],
  stated: ReadonlyMap<string, { value: number; quote: string }>,
): { left: readonly Table2Cut[]; evidence: string } {
  const used = columns.filter((c) => stated.has(c));
  const same = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1e-9;
  const fit = cuts.filter((c) =>
    used.every((col) => same(c.parts[columns.indexOf(col)], stated.get(col)!.value)),
  );
  if (used.length === 0 || fit.length === 0) return { left: cuts, evidence: '' };
  const quotes = [...new Set(used.map((c) => `"${stated.get(c)!.quote}"`))];
  return { left: fit, evidence: quotes.join(', ') };
}

/** How the ambiguous_split check and the raw cells describe an undecided run. */
export function describeCuts(cuts: readonly Table2Cut[]): string {
  const shown = cuts.slice(0, 4).map((c) => c.parts.join('|'));
  return `${shown.join(' / ')}${cuts.length > 4 ? ` …(${cuts.length})` : ''}`;
}

/**
 * A row of real cells with fewer cells than columns (a multi-line cell that the text export
 * printed elsewhere): which cell is missing is unknown, so only the edges are placed, the first
 * cell in the first column and the last in the last; cells between them are dropped.
 */
function placeShortRow(
  vals: readonly ValueToken[],
  columns: readonly string[],
  rec: Record<string, number | null>,
  raw: Record<string, string>,
  item: string,
): void {
  const place = (v: ValueToken, col: string): void => {
    rec[col] = v.value;
    if (v.value === null && v.raw !== '') raw[`table2.${item}.${col}`] = v.raw;
  };
  place(vals[0]!, columns[0]!);
  place(vals[vals.length - 1]!, columns[columns.length - 1]!);
}

export function readTable2(
  tokens: readonly Token[],
  from: number,
  to: number,
  format: Format,
  prose = '',
): Table2Read {
  const items = TABLE2_ITEMS[format];
  const values: TableValues = {};
  const raw: Record<string, string> = {};
  const checks: CheckFailure[] = [];
  const notes: ReportNote[] = [];
  const runs = toRuns(tokens, from, to);
  const yuanHeader = amountHeadedInYuan(tokens, from, to);
  for (const run of runs) {
    const label = run.labels[run.labels.length - 1];
    if (!label) continue;
    // "第二十条第（五）项信息内容…行政许可": the item is the end of the label.
    const item = matchTable2Item(label.text.split(/\s+/).pop() ?? '') ?? matchTable2Item(label.text);
    if (!item || values[item]) continue;
    const columns = items[item];
    if (!columns) continue;
    let vals: ValueToken[] = run.values;
    while (vals.length > columns.length && vals[0]!.raw === '') vals = vals.slice(1);
    const rec: Record<string, number | null> = {};
    const digitsOnly = vals.length > 0 && vals.every((v) => RUN_TOGETHER.test(v.raw));
    const digitCount = vals.reduce((n, v) => n + v.raw.replace(/[-.万元]/g, '').length, 0);
    const delimited = vals.every((v) => v.cell === true);
    if (delimited && vals.length >= 2 && vals.length < columns.length) {
      placeShortRow(vals, columns, rec, raw, item);
      checks.push({
        rule: 'table2.short_row',
        where: `table2.${item}`,
        expected: columns.length,
        actual: vals.length,
        message: `表二 ${item}: 只印了 ${vals.length}/${columns.length} 个单元格, 首尾两格按首尾列读, 其余缺失 / row has ${vals.length} of ${columns.length} cells: first and last kept, the rest missing`,
      });
    } else if (vals.length < columns.length && !delimited && digitsOnly && digitCount >= columns.length) {
      const printed = vals.map((v) => v.raw);
      const cuts = table2Cuts(printed, columns, yuanHeader);
      if (cuts.length === 0) continue;
      const byText =
        cuts.length === 1
          ? { left: cuts, evidence: '' }
          : byProse(cuts, columns, statedFigures(prose, item, format));
      const chosen = byText.left.length === 1 ? byText.left[0]! : null;
      if (chosen) {
        columns.forEach((col, i) => {
          rec[col] = chosen.parts[i] ?? null;
        });
        if (chosen.yuan && columns.at(-1) === 'amount_10k_yuan')
          raw[`table2.${item}.amount_10k_yuan`] = chosen.yuan;
        if (byText.evidence)
          notes.push({
            rule: 'table2.split_resolved',
            where: `table2.${item}`,
            message: `表二 ${item}: 连写数字 "${printed.join(' ')}" 按正文 ${byText.evidence} 拆为 ${chosen.parts.join('|')} (其他拆分: ${describeCuts(cuts.filter((c) => c !== chosen))}) / split decided by the report's prose`,
          });
      } else {
        // Undecided: no value is guessed. A cell every open cut agrees on is decided ("4500": 45|0|0
        // or 4|50|0, 处理决定数量 0 either way); the others keep the printed run, and the check the
        // cuts still open, so a later step with more evidence (another year of the same body) can decide.
        columns.forEach((col, i) => {
          const v = byText.left[0]!.parts[i]!;
          const agreed = byText.left.every((c) => c.parts[i] === v);
          rec[col] = agreed ? v : null;
          if (!agreed) raw[`table2.${item}.${col}`] = printed.join(' ');
        });
        const narrowed = byText.evidence
          ? ` (正文 ${byText.evidence} 排除了其余 ${cuts.length - byText.left.length} 种)`
          : '';
        checks.push({
          rule: 'ambiguous_split',
          where: `table2.${item}`,
          expected: null,
          actual: null,
          message: `表二 ${item}: 连写数字 "${printed.join(' ')}" 有 ${byText.left.length} 种拆分 (${describeCuts(byText.left)})${narrowed}, 未取值 / run-together digits fit more than one split: left blank`,
          cuts: byText.left.map((c) => c.parts),
        });
      }
    } else {
      columns.forEach((col, i) => {
        const v = vals[i];
        if (!v) return;
        rec[col] = v.value;
        // "75394432.52元" in the 万元 column (or under "采购总金额（元）"): the printed unit wins,
        // and raw keeps what was printed.
        const yuan = /\d\s*元$/.test(v.raw) || (yuanHeader && /^[\d.]+$/.test(v.raw));
        if (v.value !== null && col === 'amount_10k_yuan' && yuan) {
          rec[col] = yuanTo10k(v.raw);
          raw[`table2.${item}.${col}`] = v.raw;
        }
        if (v.value === null && v.raw !== '') raw[`table2.${item}.${col}`] = v.raw;
        // "减12" (本年增/减 in words): the number is -12, the printed text stays visible.
        if (v.value !== null && /^[增减]/.test(v.raw)) raw[`table2.${item}.${col}`] = v.raw;
      });
    }
    if (Object.keys(rec).length > 0) values[item] = rec;
  }
  return { values, raw, checks, notes };
}
