/**
 * Table 三 (收到和处理政府信息公开申请情况): value runs → canonical rows.
 *
 * Every run of values becomes one or more groups of 7 cells. A group printed on the same row as
 * a row label is an anchor. Between two anchors, the unanchored groups fill the canonical rows in
 * between, in printed order: this is what recovers PDF text where a wrapped label's numbers sit
 * above or below it, and markdown where labels drift away from their numbers. Only when the counts
 * disagree do the nearest preceding labels decide (one-cell-per-line layouts with a missing row).
 */
import { TABLE3_COLUMNS, TABLE3_ROWS, type Table3Row } from '../../domain/keys';
import type { CellSource, CheckFailure, TableValues } from '../../domain/report';
import type { OcrCell } from '../document';
import { isHeading, matchTable3Label, type Table3Match, table3RowsIn } from '../labels';
import { isRunTogether, type Run, toRuns } from './runs';
import { chooseSplits } from './table3-split';
import type { Token, ValueToken } from './tokens';

const WIDTH = TABLE3_COLUMNS.length;
const THREE_ROW_OTHER: readonly Table3Row[] = [
  'other_overdue_correction',
  'other_overdue_fee',
  'other_other',
];

export interface Group {
  /** Cells as printed; fewer than 7 only for the truncated last row of an excerpt. */
  cells: ValueToken[] | null;
  /** Run-together digit tokens still to be cut into 7 cells. */
  flat: string[] | null;
  bound: Table3Row | null;
  hint: Table3Row | null;
}

export interface Table3Read {
  values: TableValues;
  raw: Record<string, string>;
  checks: CheckFailure[];
  /** Whether any printed cell holds a number (a blank template has none). */
  hasNumbers: boolean;
  /** Canonical rows expected for the detected layout and missing (or cut short) in the document. */
  missing: Table3Row[];
  expectedRows: number;
  /** Where each cell read from one printed figure stands (`table3.row.col` → document place). */
  src: Record<string, CellSource>;
  /** Cells read by OCR, by address (the parser turns the doubtful ones into checks). */
  ocr: OcrRead[];
}

/** A table cell read by OCR, at its table address. */
export interface OcrRead {
  where: string;
  value: number | null;
  raw: string;
  cell: OcrCell;
}

function asRow(m: Table3Match | null): Table3Row | null {
  return m && !isHeading(m) ? m : null;
}

/** Whether （六）其他处理 is printed with its three 2021 sub-rows. */
export function hasThreeRowOther(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'label') continue;
    const m = matchTable3Label(t.text);
    if (m === 'other_overdue_correction' || m === 'other_overdue_fee') return true;
  }
  return false;
}

export function rowsFor(threeRowOther: boolean): Table3Row[] {
  return TABLE3_ROWS.map((r) => r.key as Table3Row).filter((k) =>
    threeRowOther ? k !== 'other_single' : !THREE_ROW_OTHER.includes(k),
  );
}

/**
 * Splits a run where a printed row that is complete on its own begins, so a stray number on the
 * line before a full row ("1" above "| 0 | 0 | … |") does not shift that row's cells.
 */
function splitAtFullRows(values: readonly ValueToken[]): ValueToken[][] {
  // Cells actually printed per row: empty cells pad rows out ("8 | ||||||") and do not count.
  const counts = new Map<number, number>();
  for (const v of values) if (v.raw !== '') counts.set(v.row, (counts.get(v.row) ?? 0) + 1);
  const parts: ValueToken[][] = [];
  let cur: ValueToken[] = [];
  values.forEach((v, i) => {
    const startsRow = i === 0 || values[i - 1]!.row !== v.row;
    if (startsRow && cur.length > 0 && (counts.get(v.row) ?? 0) >= WIDTH - 1) {
      parts.push(cur);
      cur = [];
    }
    cur.push(v);
  });
  if (cur.length > 0) parts.push(cur);
  return parts;
}

/**
 * Rows printed with no cells at all in flattened one-line text: their labels are glued to the
 * label of the next row, which follows the previous row's digits directly on the same line
 * ("…申请00000002.申请人逾期…申请3.其他(七)总计5000005"). Only rows between the previous row and
 * the bound one count (a header glued to the first row names 总计 too).
 */
function blankRowsBefore(
  run: Run,
  previous: Run | undefined,
  rows: readonly Table3Row[],
  after: number,
): Table3Row[] {
  const label = run.bound;
  const lastValue = previous?.values[previous.values.length - 1];
  if (!label || run.labels.length !== 1 || !lastValue || lastValue.row !== label.row) return [];
  const named = table3RowsIn(label.text).map(asRow);
  const boundAt = rows.indexOf(named[named.length - 1] as Table3Row);
  if (boundAt < 0) return [];
  return named
    .slice(0, -1)
    .filter((r): r is Table3Row => r !== null && rows.indexOf(r) > after && rows.indexOf(r) < boundAt);
}

function blankGroup(row: Table3Row, at: number): Group {
  const cells = TABLE3_COLUMNS.map((): ValueToken => ({ kind: 'value', value: null, raw: '', row: at }));
  return { cells, flat: null, bound: row, hint: row };
}

export function buildGroups(
  tokens: readonly Token[],
  from: number,
  to: number,
  rows: readonly Table3Row[] = [],
): Group[] {
  const runs = toRuns(tokens, from, to);
  const groups: Group[] = [];
  let seenNumber = false;
  let lastBound = -1;
  runs.forEach((run, idx) => {
    const bound0 = run.bound ? asRow(matchTable3Label(run.bound.text)) : null;
    if (seenNumber)
      for (const r of blankRowsBefore(run, runs[idx - 1], rows, lastBound))
        groups.push(blankGroup(r, run.bound!.row));
    if (bound0 && rows.indexOf(bound0) > lastBound) lastBound = rows.indexOf(bound0);
    let hint0: Table3Row | null = null;
    for (let i = run.labels.length - 1; i >= 0 && !hint0; i--)
      hint0 = asRow(matchTable3Label(run.labels[i]!.text));
    const parts = splitAtFullRows(run.values);
    parts.forEach((part, pi) => {
      const isLast = idx === runs.length - 1 && pi === parts.length - 1;
      // Blank groups before the first figure are header rows, not data.
      if (!seenNumber && part.every((v) => v.value === null)) return;
      if ((part.length >= WIDTH && part.some((v) => v.value !== null)) || isRunTogetherPart(part))
        seenNumber = true;
      addGroups(groups, part, pi === 0 ? bound0 : null, pi === 0 ? hint0 : null, isLast);
    });
  });
  return groups;
}

function isRunTogetherPart(values: readonly ValueToken[]): boolean {
  return isRunTogether(values, WIDTH);
}

function addGroups(
  groups: Group[],
  values: readonly ValueToken[],
  bound: Table3Row | null,
  hint: Table3Row | null,
  isLast: boolean,
): void {
  {
    let vals = values;
    if (isRunTogether(vals, WIDTH)) {
      groups.push({ cells: null, flat: vals.map((v) => v.raw), bound, hint });
      return;
    }
    // Leading empty cells come from merged label columns (tab/pipe rows), not from data.
    while (vals.length > WIDTH && vals[0]!.raw === '') vals = vals.slice(1);
    for (let k = 0; k < vals.length; k += WIDTH) {
      const chunk = vals.slice(k, k + WIDTH);
      const first = k === 0;
      const blank = chunk.every((v) => v.value === null);
      // Blank cells under a heading (header rows, layout columns) are not a data row.
      if (blank && !(first && (bound || hint))) break;
      // A short tail is trailing empty cells, or the truncated last row of an excerpt (kept
      // with the cells it prints, even empty ones).
      if (chunk.length < WIDTH && (!isLast || !first)) break;
      groups.push({ cells: chunk, flat: null, bound: first ? bound : null, hint: first ? hint : null });
    }
  }
}

/** Assigns groups to canonical rows (see the module comment). */
export function assignGroups(groups: readonly Group[], rows: readonly Table3Row[]): Map<Table3Row, Group> {
  const index = new Map(rows.map((r, i) => [r, i]));
  // Anchors: bound groups whose rows increase in printed order.
  const anchors: { g: number; r: number }[] = [];
  groups.forEach((g, gi) => {
    const r = g.bound ? index.get(g.bound) : undefined;
    if (r === undefined) return;
    const prev = anchors[anchors.length - 1];
    if (!prev || r > prev.r) anchors.push({ g: gi, r });
  });
  const out = new Map<Table3Row, Group>();
  const fill = (g0: number, g1: number, r0: number, r1: number): void => {
    // groups (g0, g1) exclusive → rows (r0, r1) exclusive
    const gs = groups.slice(g0 + 1, g1);
    const rs = rows.slice(r0 + 1, r1);
    if (gs.length === 0 || rs.length === 0) return;
    if (gs.length === rs.length) {
      gs.forEach((g, i) => {
        out.set(rs[i]!, g);
      });
      return;
    }
    let cursor = 0;
    for (const g of gs) {
      const h = g.hint ? rs.indexOf(g.hint) : -1;
      if (h >= cursor) cursor = h;
      if (cursor >= rs.length) break;
      out.set(rs[cursor]!, g);
      cursor++;
    }
  };
  let prevG = -1;
  let prevR = -1;
  for (const a of anchors) {
    fill(prevG, a.g, prevR, a.r);
    out.set(rows[a.r]!, groups[a.g]!);
    prevG = a.g;
    prevR = a.r;
  }
  fill(prevG, groups.length, prevR, rows.length);
  return out;
}

export function readTable3(
  tokens: readonly Token[],
  from: number,
  to: number,
  threeRowOther: boolean,
): Table3Read {
  const rows = rowsFor(threeRowOther);
  const groups = buildGroups(tokens, from, to, rows);
  const assigned = assignGroups(groups, rows);
  const values: TableValues = {};
  const raw: Record<string, string> = {};
  const src: Record<string, CellSource> = {};
  const checks: CheckFailure[] = [];
  const ocr: OcrRead[] = [];
  let hasNumbers = false;

  const flatRows = new Map<Table3Row, string[]>();
  for (const row of rows) {
    const g = assigned.get(row);
    if (!g) continue;
    if (g.flat) {
      flatRows.set(row, g.flat);
      continue;
    }
    const cells = g.cells ?? [];
    const rec: Record<string, number | null> = {};
    cells.forEach((c, i) => {
      const col = TABLE3_COLUMNS[i]!;
      rec[col] = c.value;
      if (c.ocr) ocr.push({ where: `table3.${row}.${col}`, value: c.value, raw: c.raw, cell: c.ocr });
      if (c.src) src[`table3.${row}.${col}`] = { line: c.row, ...c.src };
      if (c.value === null && c.raw !== '') raw[`table3.${row}.${col}`] = c.raw;
      else hasNumbers = true;
    });
    values[row] = rec;
  }
  if (flatRows.size > 0) {
    const split = chooseSplits(flatRows, values);
    for (const [row, parts] of split.values) {
      const rec: Record<string, number | null> = {};
      parts.forEach((v, i) => {
        rec[TABLE3_COLUMNS[i]!] = v;
      });
      values[row] = rec;
      hasNumbers = true;
    }
    checks.push(...split.checks);
  }
  const ordered: TableValues = {};
  for (const row of rows) if (values[row]) ordered[row] = values[row];
  const missing = rows.filter((r) => !ordered[r] || Object.keys(ordered[r]).length < WIDTH);
  return { values: ordered, raw, checks, hasNumbers, missing, expectedRows: rows.length, src, ocr };
}
