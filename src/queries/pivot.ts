/**
 * 透视: table-三 sums, shares or a rate over chosen row/column dimensions, with totals and row
 * subtotals. Every total and subtotal is the SQL's own aggregate (GROUPING SETS in
 * src/sql/pivot.ts): none is added up here, so a rate's subtotal is Σnumerator / Σdenominator.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Queryable } from '../db/types';
import type { MetricId } from '../domain/metrics';
import {
  PIVOT_DIMS,
  type PivotDim,
  type PivotFilters,
  QUERY_DEFAULTS,
  type ShareBase,
} from '../domain/vocab';
import { type CorrectedCell, pivotSql } from '../sql';
import { dbQuery, displaySelect, sortedSet } from './options';
import { type PivotCell, type PivotParams, type PivotResult, pivotKey } from './types';

/** What the SQL is asked: shares, the header order, the row limit and shown totals are JS (`shapePivot`). */
export interface PivotSqlParams {
  rows: readonly PivotDim[];
  cols: readonly PivotDim[];
  /** The rate's metric; null sums cells (sum and share). */
  rate: MetricId | null;
  filters: PivotFilters;
  totals: boolean;
  /** "With corrections": the analyst's corrected cells read instead of the printed ones. */
  corrections?: readonly CorrectedCell[];
}

/** How the answer is shown. */
export interface PivotDisplay {
  share: ShareBase | null;
  sort: NonNullable<PivotParams['sort']>;
  limit: number;
  totals: boolean;
}

/** Cells and totals as the SQL answered them (sum or rate values; shares not yet applied). */
export type PivotAnswer = Omit<PivotResult, 'rowHeaders' | 'colHeaders' | 'truncated'>;

const sortFilters = (f: PivotFilters): PivotFilters =>
  Object.fromEntries(PIVOT_DIMS.filter((d) => f[d] !== undefined).map((d) => [d, sortedSet(f[d])]));

/** Pivot dims are ordered (nesting), so only the filters are sorted. */
export function resolvePivot(p: PivotParams): { sql: PivotSqlParams; display: PivotDisplay } {
  const share = p.measure.kind === 'share' ? p.measure.of : null;
  const totals = p.totals ?? QUERY_DEFAULTS.pivot.totals;
  return {
    sql: {
      rows: p.rows,
      cols: p.cols,
      rate: p.measure.kind === 'rate' ? p.measure.metric : null,
      filters: sortFilters(p.filters),
      // Shares need the totals even when they are not shown.
      totals: totals || share !== null,
      corrections: p.corrections,
    },
    display: {
      share,
      sort: p.sort ?? QUERY_DEFAULTS.pivot.sort,
      limit: p.limit ?? QUERY_DEFAULTS.pivot.limit,
      totals,
    },
  };
}

/** Switching sum ⇄ share, a share's base or the row order re-shapes the cached answer: no query. */
export function pivotQuery(p: PivotParams) {
  const { sql, display } = resolvePivot(p);
  return queryOptions({
    ...dbQuery('pivot', sql, answerPivot),
    select: displaySelect('pivot', display, shapePivot),
    // A new answer is a new question's (cached ones are never refetched): comparing it deeply with
    // the previous one for shared parts walked thousands of rows on the interaction's path.
    structuralSharing: false,
  });
}

export async function fetchPivot(db: Queryable, p: PivotParams): Promise<PivotResult> {
  const { sql, display } = resolvePivot(p);
  return shapePivot(await answerPivot(db, sql), display);
}

interface Raw {
  [k: string]: string | number | boolean | null;
  sum: number | null;
  denominator: number | null;
  reports: number | null;
  reported: number | null;
  rowTotal: boolean;
  colTotal: boolean;
  /** Leading row dims the line is grouped on: all for a cell, fewer for a subtotal, 0 for a column total. */
  rowDepth: number;
}

export async function answerPivot(db: Queryable, p: PivotSqlParams): Promise<PivotAnswer> {
  const raw = await db.query<Raw>(
    pivotSql({
      rows: p.rows,
      cols: p.cols,
      value: p.rate ? { metric: p.rate } : 'sum',
      filters: p.filters,
      totals: p.totals,
      corrections: p.corrections,
    }),
  );
  const isRate = p.rate !== null;
  const make = (r: Raw): PivotCell => {
    // A subtotal's row is its prefix: the dims it is grouped on.
    const depth = r.rowTotal ? r.rowDepth : p.rows.length;
    const row = p.rows.slice(0, depth).map((_, i) => String(r[`r${i}`]));
    const col = p.cols.map((_, i) => String(r[`c${i}`]));
    const value = isRate ? (r.denominator ? (r.sum ?? 0) / r.denominator : null) : r.sum;
    return {
      row,
      col,
      value: r.sum === null && isRate ? null : value,
      sum: r.sum,
      denominator: r.denominator,
      reports: r.reports,
      reported: r.reported,
    };
  };
  const cells: PivotCell[] = [];
  const rowTotals: PivotCell[] = [];
  const colTotals: PivotCell[] = [];
  const subtotals: PivotCell[] = [];
  const subtotalTotals: PivotCell[] = [];
  let grand: PivotCell | null = null;
  for (const r of raw) {
    const c = make(r);
    const sub = r.rowTotal && r.rowDepth > 0;
    if (sub && !r.colTotal) subtotals.push(c);
    else if (sub) subtotalTotals.push(c);
    else if (!r.rowTotal && !r.colTotal) cells.push(c);
    else if (!r.rowTotal && r.colTotal) rowTotals.push(c);
    else if (r.rowTotal && !r.colTotal && p.cols.length > 0) colTotals.push(c);
    else {
      // With no column dims, the () set is both the grand total and the one column's total.
      grand = c;
      if (p.cols.length === 0) colTotals.push({ ...c });
    }
  }
  if (p.rows.length === 0 || p.cols.length === 0) {
    // Degenerate grouping sets coincide: the cells are already the totals of the missing axis.
    for (const c of cells) {
      if (p.cols.length === 0) rowTotals.push({ ...c });
      if (p.rows.length === 0) colTotals.push({ ...c });
    }
    if (p.cols.length === 0) for (const c of subtotals) subtotalTotals.push({ ...c });
  }
  return {
    rowDims: [...p.rows],
    colDims: [...p.cols],
    cells,
    rowTotals,
    colTotals,
    grandTotal: grand,
    subtotals,
    subtotalTotals,
  };
}

/** One collator: `localeCompare` with a locale builds one per call (38 ms to sort a nationwide pivot). */
const ZH = new Intl.Collator('zh-Hans-CN', { numeric: true });

const cmpLabel = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return ZH.compare(x, y);
  }
  return 0;
};

/**
 * The answer as the grid shows it: shares (of row / column / grand total), the row-header order
 * (label or row total), the row limit, totals kept or dropped. Never changes `a` (the cache's).
 */
export function shapePivot(a: PivotAnswer, d: PivotDisplay): PivotResult {
  const byKey = (list: PivotCell[], side: 'row' | 'col') => {
    const m = new Map<string, PivotCell>();
    for (const c of list) m.set(pivotKey(c[side]), c);
    return m;
  };
  let cells = a.cells;
  let rowTotals = byKey(a.rowTotals, 'row');
  let colTotals = byKey(a.colTotals, 'col');
  let grand = a.grandTotal;
  let subCells = a.subtotals;
  let subTotals = byKey(a.subtotalTotals, 'row');
  const depth = a.rowDims.length;
  const share = d.share;
  if (share) {
    const rowSums = rowTotals;
    const colSums = colTotals;
    const subSums = subTotals;
    const grandSum = grand?.sum;
    // A subtotal line's row total is its own subtotal across the columns.
    const lineSum = (c: PivotCell) => (c.row.length < depth ? subSums : rowSums).get(pivotKey(c.row))?.sum;
    const apply = (c: PivotCell): PivotCell => {
      const base =
        share === 'row' ? lineSum(c) : share === 'col' ? colSums.get(pivotKey(c.col))?.sum : grandSum;
      return { ...c, denominator: base ?? null, value: c.sum === null || !base ? null : c.sum / base };
    };
    cells = cells.map(apply);
    rowTotals = new Map([...rowSums].map(([k, c]) => [k, apply(c)]));
    colTotals = new Map([...colSums].map(([k, c]) => [k, apply(c)]));
    grand = grand ? apply(grand) : null;
    subCells = subCells.map(apply);
    subTotals = new Map([...subSums].map(([k, c]) => [k, apply(c)]));
  }
  const dir = d.sort.dir === 'desc' ? -1 : 1;
  let rowHeaders = uniqueHeaders(cells.map((c) => c.row));
  const lineValue = (h: string[]) =>
    (h.length < depth ? subTotals : rowTotals).get(pivotKey(h))?.value ?? Number.NEGATIVE_INFINITY;
  rowHeaders.sort((x, y) => {
    if (d.sort.by === 'value') {
      // Nested rows stay under their group: groups by their subtotal, then rows within a group.
      for (let n = 1; n <= depth; n++) {
        const px = x.slice(0, n);
        const py = y.slice(0, n);
        if (pivotKey(px) === pivotKey(py)) continue;
        const vx = lineValue(px);
        const vy = lineValue(py);
        if (vx !== vy) return (vx - vy) * dir;
        return cmpLabel(px, py);
      }
    }
    return cmpLabel(x, y) * (d.sort.by === 'label' ? dir : 1);
  });
  const truncated = rowHeaders.length > d.limit;
  rowHeaders = rowHeaders.slice(0, d.limit);
  const kept = new Set(rowHeaders.map(pivotKey));
  const keptPrefixes = new Set(
    rowHeaders.flatMap((h) => h.slice(0, -1).map((_, i) => pivotKey(h.slice(0, i + 1)))),
  );
  const colHeaders = uniqueHeaders(cells.map((c) => c.col)).sort(cmpLabel);
  return {
    rowDims: a.rowDims,
    colDims: a.colDims,
    rowHeaders,
    colHeaders,
    cells: truncated ? cells.filter((c) => kept.has(pivotKey(c.row))) : cells,
    rowTotals: d.totals
      ? rowHeaders.map((h) => rowTotals.get(pivotKey(h))).filter((c) => c !== undefined)
      : [],
    colTotals: d.totals
      ? colHeaders.map((h) => colTotals.get(pivotKey(h))).filter((c) => c !== undefined)
      : [],
    grandTotal: d.totals ? grand : null,
    subtotals: d.totals ? subCells.filter((c) => keptPrefixes.has(pivotKey(c.row))) : [],
    subtotalTotals: d.totals ? [...subTotals.values()].filter((c) => keptPrefixes.has(pivotKey(c.row))) : [],
    truncated,
  };
}

function uniqueHeaders(list: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const h of list) seen.set(pivotKey(h), h);
  return [...seen.values()];
}
