/**
 * Table 四 (行政复议、行政诉讼): 15 cells, 3 groups × (维持, 纠正, 其他, 尚未审结, 总计), printed as
 * one row (or three small tables of 5). Values are collected from the heading until 15 are found
 * or the next section starts; with more than 15 (a stray extra cell) the window that satisfies the
 * most group sums wins, the leftmost on ties.
 */
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../../domain/keys';
import type { CellSource, CheckFailure, TableValues } from '../../domain/report';
import { AFTER_TABLE4 } from '../labels';
import { isRunTogether, toRuns } from './runs';
import { groupSumsHold, splitCandidates } from './split';
import type { OcrRead } from './table3';
import type { Token, ValueToken } from './tokens';

const CELLS = TABLE4_GROUPS.length * TABLE4_COLUMNS.length;

export interface Table4Read {
  values: TableValues;
  raw: Record<string, string>;
  checks: CheckFailure[];
  /** Where each cell read from one printed figure stands (`table4.group.col` → document place). */
  src: Record<string, CellSource>;
  /** Cells read by OCR, by address. */
  ocr?: OcrRead[];
}

function sumsHeld(cells: readonly (number | null)[]): number {
  let held = 0;
  for (let g = 0; g < TABLE4_GROUPS.length; g++) {
    const v = cells.slice(g * 5, g * 5 + 5);
    if (v.every((x) => typeof x === 'number') && v[0]! + v[1]! + v[2]! + v[3]! === v[4]) held++;
  }
  return held;
}

function collect(tokens: readonly Token[], from: number, to: number): ValueToken[] {
  let end = to;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && AFTER_TABLE4.test(t.text)) {
      end = i;
      break;
    }
  }
  const values: ValueToken[] = [];
  for (const run of toRuns(tokens, from, end)) {
    let vals = run.values;
    while (vals.length > 0 && vals[0]!.raw === '' && values.length === 0) vals = vals.slice(1);
    // Short runs of only blanks (layout cells) or a lone number (a footnote) are not data.
    if (vals.every((v) => v.value === null) && vals.length < 5) continue;
    values.push(...vals);
    if (values.length >= CELLS || isRunTogether(values, CELLS)) break;
  }
  return values;
}

export function readTable4(tokens: readonly Token[], from: number, to: number): Table4Read {
  const values: TableValues = {};
  const raw: Record<string, string> = {};
  const checks: CheckFailure[] = [];
  const cells = collect(tokens, from, to);
  let picked: (number | null)[] | null = null;
  let pickedRaw: string[] = [];
  let pickedTokens: ValueToken[] = [];
  if (isRunTogether(cells, CELLS)) {
    const toks = cells.map((c) => c.raw);
    let list = splitCandidates(toks, CELLS, { accept: groupSumsHold, limit: 50 });
    if (list.length === 0) list = splitCandidates(toks, CELLS, { limit: 50 });
    if (list.length > 1) {
      checks.push({
        rule: 'ambiguous_split',
        where: 'table4',
        expected: null,
        actual: null,
        message: `表四: 连写数字 "${toks.join(' ')}" 有多种拆分 / run-together digits fit more than one split`,
      });
    }
    // Never a guess: a cell takes a value only when every possible cut gives it that value; the
    // others stay null with the printed run in raw.
    picked = list.length > 0 ? list[0]!.map((v, i) => (list.every((c) => c[i] === v) ? v : null)) : null;
    pickedRaw = picked ? picked.map((v) => (v === null ? toks.join(' ') : String(v))) : [];
  } else if (cells.length >= CELLS) {
    let bestAt = 0;
    let bestHeld = -1;
    for (let at = 0; at + CELLS <= cells.length; at++) {
      const held = sumsHeld(cells.slice(at, at + CELLS).map((c) => c.value));
      if (held > bestHeld) {
        bestHeld = held;
        bestAt = at;
      }
    }
    const window = cells.slice(bestAt, bestAt + CELLS);
    picked = window.map((c) => c.value);
    pickedTokens = window;
    pickedRaw = window.map((c) => c.raw);
  }
  const src: Record<string, CellSource> = {};
  if (!picked) return { values, raw, checks, src };
  const ocr: OcrRead[] = [];
  TABLE4_GROUPS.forEach((g, gi) => {
    const rec: Record<string, number | null> = {};
    TABLE4_COLUMNS.forEach((c, ci) => {
      const v = picked[gi * 5 + ci] ?? null;
      const read = pickedTokens[gi * 5 + ci]?.ocr;
      if (read)
        ocr.push({ where: `table4.${g}.${c}`, value: v, raw: pickedRaw[gi * 5 + ci] ?? '', cell: read });
      rec[c] = v;
      const printed = pickedRaw[gi * 5 + ci] ?? '';
      if (v === null && printed !== '') raw[`table4.${g}.${c}`] = printed;
      const token = pickedTokens[gi * 5 + ci];
      if (token?.src) src[`table4.${g}.${c}`] = { line: token.row, ...token.src };
    });
    values[g] = rec;
  });
  return { values, raw, checks, src, ocr };
}
