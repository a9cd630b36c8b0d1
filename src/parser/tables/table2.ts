/**
 * Table 二 (主动公开政府信息情况): item label → the values that follow it, as many as the item has
 * columns in the detected format. Run-together digits have no identity to check here, so a cut is
 * chosen by plausibility (see `plausibility`) and flagged `ambiguous_split` whenever more than one
 * cut is possible.
 */
import { type Format, TABLE2_ITEMS } from '../../domain/keys';
import type { CheckFailure, TableValues } from '../../domain/report';
import { matchTable2Item, table2FormatHint } from '../labels';
import { toRuns } from './runs';
import { splitCandidates } from './split';
import type { Token, ValueToken } from './tokens';

export interface Table2Read {
  values: TableValues;
  raw: Record<string, string>;
  checks: CheckFailure[];
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
 * the cumulative total; 2021: nothing repealed that was not in force.
 */
function possible(columns: readonly string[], parts: readonly number[]): boolean {
  const at = (c: string): number => parts[columns.indexOf(c)] ?? 0;
  if (parts.some((p, i) => p < 0 && columns[i] !== 'items_change')) return false;
  if (columns.includes('items_change')) return at('items_last_year') + at('items_change') >= 0;
  if (columns.includes('newly_made')) return at('newly_published') <= at('total_published');
  if (columns.includes('in_force')) return at('repealed') <= at('in_force') + at('issued');
  return true;
}

/**
 * Higher is more plausible (soft preferences only): no cell much longer than the others, a small
 * 本年增/减, 新制作 = 新公开, 2021: issued ≤ in force and repealed ≤ issued, and a believable
 * average price per procurement item.
 */
function plausibility(columns: readonly string[], parts: readonly number[]): number {
  const at = (c: string): number => parts[columns.indexOf(c)] ?? 0;
  const longest = Math.max(...parts.map((p) => String(Math.abs(Math.trunc(p))).length));
  let score = -10 * longest;
  if (columns.includes('items_change')) {
    score -= Math.abs(at('items_change'));
  } else if (columns.includes('newly_made')) {
    if (at('newly_made') === at('newly_published')) score += 1000;
  } else if (columns.includes('in_force')) {
    if (at('issued') <= at('in_force')) score += 1000;
    if (at('repealed') <= at('issued')) score += 500;
  } else if (columns.includes('items') && columns.includes('amount_10k_yuan')) {
    score += pricePlausibility(at('items'), at('amount_10k_yuan'));
  }
  return score;
}

/**
 * 政府集中采购: the average amount per item, in 万元. Purchases that go through centralised
 * procurement are rarely under 5 000 元 on average or over 10 亿元; digit cuts outside that are
 * what a wrong split of "13575394432.52" (135 items | 75 394 432.52 元) looks like.
 */
function pricePlausibility(items: number, amount10k: number): number {
  if (items === 0) return amount10k === 0 ? 1000 : -1000;
  const average = amount10k / items;
  return average >= 0.5 && average <= 100_000 ? 1000 : 0;
}

/**
 * "3456789.10元" → 345.67891 (万元), by moving the decimal point in the printed digits: dividing
 * the float by 10 000 leaves noise such as 345.67891000000003.
 */
function yuanTo10k(printed: string): number {
  const [int = '0', frac = ''] = printed.replace(/[^\d.]/g, '').split('.');
  const digits = int.padStart(5, '0') + frac;
  const point = Math.max(int.length, 5) - 4;
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** A figure as run-together text may end in its money unit: "13575394432.52元". */
const RUN_TOGETHER = /^-?\d+(?:\.\d+)?(?:万?元)?$/;

function cut(
  tokens: readonly string[],
  columns: readonly string[],
): { parts: number[]; ambiguous: boolean; yuan: string | null } | null {
  const unit = /万?元$/.exec(tokens[tokens.length - 1] ?? '')?.[0] ?? '';
  // A decimal belongs to the last cell ("…4432.52" is an amount).
  const last = (tokens[tokens.length - 1] ?? '').slice(0, tokens[tokens.length - 1]!.length - unit.length);
  const frac = last.includes('.') ? last.slice(last.indexOf('.')) : '';
  const ints = [...tokens.slice(0, -1), frac ? last.slice(0, last.indexOf('.')) : last];
  const list = splitCandidates(ints, columns.length, { limit: 500 });
  if (list.length === 0) return null;
  const printedLast = new Map<number[], string>();
  for (const p of list) {
    const i = p.length - 1;
    printedLast.set(p, `${p[i]}${frac}${unit}`);
    if (frac) p[i] = Number(`${p[i]}${frac}`);
    if (unit === '元' && columns[i] === 'amount_10k_yuan') p[i] = yuanTo10k(printedLast.get(p)!);
  }
  // Cuts that break a relation that must hold are out (unless all do: the report may be wrong);
  // when one cut is left, nothing is ambiguous.
  const fitting = list.filter((parts) => possible(columns, parts));
  const pool = fitting.length > 0 ? fitting : list;
  let best = pool[0]!;
  let bestScore = plausibility(columns, best);
  for (const parts of pool) {
    const score = plausibility(columns, parts);
    if (score > bestScore) [best, bestScore] = [parts, score];
  }
  // The amount cell as printed, when its unit was converted: "75394432.52元".
  const yuan = unit === '元' ? (printedLast.get(best) ?? null) : null;
  return { parts: best, ambiguous: pool.length > 1, yuan };
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

export function readTable2(tokens: readonly Token[], from: number, to: number, format: Format): Table2Read {
  const items = TABLE2_ITEMS[format];
  const values: TableValues = {};
  const raw: Record<string, string> = {};
  const checks: CheckFailure[] = [];
  const runs = toRuns(tokens, from, to);
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
      const c = cut(
        vals.map((v) => v.raw),
        columns,
      );
      if (!c) continue;
      columns.forEach((col, i) => {
        rec[col] = c.parts[i] ?? null;
      });
      if (c.yuan && columns.at(-1) === 'amount_10k_yuan') raw[`table2.${item}.amount_10k_yuan`] = c.yuan;
      if (c.ambiguous) {
        checks.push({
          rule: 'ambiguous_split',
          where: `table2.${item}`,
          expected: null,
          actual: null,
          message: `表二 ${item}: 连写数字 "${vals.map((v) => v.raw).join(' ')}" 有多种拆分, 取 ${c.parts.join('|')} / run-together digits fit more than one split`,
        });
      }
    } else {
      columns.forEach((col, i) => {
        const v = vals[i];
        if (!v) return;
        rec[col] = v.value;
        // "75394432.52元" in the 万元 column: the printed unit wins, and raw keeps what was printed.
        if (v.value !== null && col === 'amount_10k_yuan' && /\d\s*元$/.test(v.raw)) {
          rec[col] = yuanTo10k(v.raw);
          raw[`table2.${item}.${col}`] = v.raw;
        }
        if (v.value === null && v.raw !== '') raw[`table2.${item}.${col}`] = v.raw;
      });
    }
    if (Object.keys(rec).length > 0) values[item] = rec;
  }
  return { values, raw, checks };
}
