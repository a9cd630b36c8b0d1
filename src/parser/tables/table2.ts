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
 * Higher is more plausible: relations that must hold, then soft preferences (no cell much longer
 * than the others; 2021: repealed ≤ issued; 2019: the smallest 本年增/减).
 */
function plausibility(columns: readonly string[], parts: readonly number[]): number {
  const at = (c: string): number => parts[columns.indexOf(c)] ?? 0;
  const longest = Math.max(...parts.map((p) => String(Math.abs(Math.trunc(p))).length));
  let score = -10 * longest;
  if (columns.includes('items_change')) {
    if (Math.abs(at('items_change')) <= at('items_last_year')) score += 1000;
    score -= Math.abs(at('items_change'));
  } else if (columns.includes('newly_made')) {
    if (at('newly_made') === at('newly_published')) score += 1000;
    if (at('newly_published') <= at('total_published')) score += 1000;
  } else if (columns.includes('in_force')) {
    if (at('repealed') <= at('in_force') + at('issued')) score += 1000;
    if (at('issued') <= at('in_force')) score += 1000;
    if (at('repealed') <= at('issued')) score += 500;
  }
  return score;
}

function cut(
  tokens: readonly string[],
  columns: readonly string[],
): { parts: number[]; ambiguous: boolean } | null {
  // A decimal belongs to the last cell ("…4432.52" is an amount).
  const last = tokens[tokens.length - 1] ?? '';
  const frac = last.includes('.') ? last.slice(last.indexOf('.')) : '';
  const ints = frac ? [...tokens.slice(0, -1), last.slice(0, last.indexOf('.'))] : [...tokens];
  const list = splitCandidates(ints, columns.length, { limit: 500 });
  if (list.length === 0) return null;
  if (frac) for (const p of list) p[p.length - 1] = Number(`${p[p.length - 1]}${frac}`);
  let best = list[0]!;
  let bestScore = plausibility(columns, best);
  for (const p of list) {
    const s = plausibility(columns, p);
    if (s > bestScore) {
      best = p;
      bestScore = s;
    }
  }
  return { parts: best, ambiguous: list.length > 1 };
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
    const digitsOnly = vals.length > 0 && vals.every((v) => /^-?\d+(?:\.\d+)?$/.test(v.raw));
    const digitCount = vals.reduce((n, v) => n + v.raw.replace(/[-.]/g, '').length, 0);
    if (vals.length < columns.length && digitsOnly && digitCount >= columns.length) {
      const c = cut(
        vals.map((v) => v.raw),
        columns,
      );
      if (!c) continue;
      columns.forEach((col, i) => {
        rec[col] = c.parts[i] ?? null;
      });
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
        // "75394432.52元" in the 万元 column: the printed unit wins.
        if (v.value !== null && col === 'amount_10k_yuan' && /\d\s*元$/.test(v.raw))
          rec[col] = v.value / 10000;
        if (v.value === null && v.raw !== '') raw[`table2.${item}.${col}`] = v.raw;
      });
    }
    if (Object.keys(rec).length > 0) values[item] = rec;
  }
  return { values, raw, checks };
}
