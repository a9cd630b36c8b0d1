import type { Queryable } from '../../db/types';
import { QUERY_DEFAULTS as D } from '../../domain/vocab';
import { pivotSql } from '../../sql';
import { type PivotCell, type PivotParams, type PivotResult, pivotKey } from '../types';

interface Raw {
  [k: string]: string | number | boolean | null;
  sum: number | null;
  denominator: number | null;
  reports: number | null;
  reported: number | null;
  rowTotal: boolean;
  colTotal: boolean;
  rowDepth: number;
}

const cmpLabel = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x.localeCompare(y, 'zh-Hans-CN', { numeric: true });
  }
  return 0;
};

/**
 * Runs the pivot SQL and shapes it: cells, totals, row subtotals, shares (of row / column /
 * grand total), the row-header order (label or row total, nested rows kept under their group)
 * and the row limit. Every total comes from the SQL's grouping sets; none is added up here.
 */
export async function fetchPivot(db: Queryable, p: PivotParams): Promise<PivotResult> {
  const totalsWanted = p.totals ?? D.pivot.totals;
  const share = p.measure.kind === 'share' ? p.measure.of : null;
  const raw = await db.query<Raw>(
    pivotSql({
      rows: p.rows,
      cols: p.cols,
      value: p.measure.kind === 'rate' ? { metric: p.measure.metric } : 'sum',
      filters: p.filters,
      // Shares need the totals even when they are not shown.
      totals: totalsWanted || share !== null,
    }),
  );
  const isRate = p.measure.kind === 'rate';
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
  const rowTotals = new Map<string, PivotCell>();
  const colTotals = new Map<string, PivotCell>();
  const subCells: PivotCell[] = [];
  const subTotals = new Map<string, PivotCell>();
  let grand: PivotCell | null = null;
  for (const r of raw) {
    const c = make(r);
    const sub = r.rowTotal && r.rowDepth > 0;
    if (sub && !r.colTotal) subCells.push(c);
    else if (sub) subTotals.set(pivotKey(c.row), c);
    else if (!r.rowTotal && !r.colTotal) cells.push(c);
    else if (!r.rowTotal && r.colTotal) rowTotals.set(pivotKey(c.row), c);
    else if (r.rowTotal && !r.colTotal && p.cols.length > 0) colTotals.set(pivotKey(c.col), c);
    else {
      // With no column dims, the () set is both the grand total and the one column's total.
      grand = c;
      if (p.cols.length === 0) colTotals.set(pivotKey(c.col), { ...c });
    }
  }
  if (p.rows.length === 0 || p.cols.length === 0) {
    // Degenerate grouping sets coincide: the cells are already the totals of the missing axis.
    for (const c of cells) {
      if (p.cols.length === 0) rowTotals.set(pivotKey(c.row), { ...c });
      if (p.rows.length === 0) colTotals.set(pivotKey(c.col), { ...c });
    }
    if (p.cols.length === 0) for (const c of subCells) subTotals.set(pivotKey(c.row), { ...c });
  }
  if (share) {
    // A subtotal line's row total is its own subtotal across the columns.
    const lineTotal = (c: PivotCell) =>
      (c.row.length < p.rows.length ? subTotals : rowTotals).get(pivotKey(c.row))?.sum;
    const denom = (c: PivotCell) =>
      share === 'row' ? lineTotal(c) : share === 'col' ? colTotals.get(pivotKey(c.col))?.sum : grand?.sum;
    const apply = (c: PivotCell) => {
      const d = denom(c);
      c.denominator = d ?? null;
      c.value = c.sum === null || !d ? null : c.sum / d;
    };
    for (const c of [
      ...cells,
      ...rowTotals.values(),
      ...colTotals.values(),
      ...subCells,
      ...subTotals.values(),
    ])
      apply(c);
    if (grand) apply(grand);
  }
  const sort = p.sort ?? D.pivot.sort;
  const dir = sort.dir === 'desc' ? -1 : 1;
  let rowHeaders = uniqueHeaders(cells.map((c) => c.row));
  const lineValue = (h: string[]) =>
    (h.length < p.rows.length ? subTotals : rowTotals).get(pivotKey(h))?.value ?? Number.NEGATIVE_INFINITY;
  rowHeaders.sort((a, b) => {
    if (sort.by === 'value') {
      // Nested rows stay under their group: groups by their subtotal, then rows within a group.
      for (let depth = 1; depth <= p.rows.length; depth++) {
        const pa = a.slice(0, depth);
        const pb = b.slice(0, depth);
        if (pivotKey(pa) === pivotKey(pb)) continue;
        const va = lineValue(pa);
        const vb = lineValue(pb);
        if (va !== vb) return (va - vb) * dir;
        return cmpLabel(pa, pb);
      }
    }
    return cmpLabel(a, b) * (sort.by === 'label' ? dir : 1);
  });
  const limit = p.limit ?? D.pivot.limit;
  const truncated = rowHeaders.length > limit;
  rowHeaders = rowHeaders.slice(0, limit);
  const kept = new Set(rowHeaders.map(pivotKey));
  const keptPrefixes = new Set(
    rowHeaders.flatMap((h) => h.slice(0, -1).map((_, i) => pivotKey(h.slice(0, i + 1)))),
  );
  const colHeaders = uniqueHeaders(cells.map((c) => c.col)).sort(cmpLabel);
  return {
    rowDims: [...p.rows],
    colDims: [...p.cols],
    rowHeaders,
    colHeaders,
    cells: cells.filter((c) => kept.has(pivotKey(c.row))),
    rowTotals: totalsWanted
      ? rowHeaders.map((h) => rowTotals.get(pivotKey(h))).filter((c) => c !== undefined)
      : [],
    colTotals: totalsWanted
      ? colHeaders.map((h) => colTotals.get(pivotKey(h))).filter((c) => c !== undefined)
      : [],
    grandTotal: totalsWanted ? grand : null,
    subtotals: totalsWanted ? subCells.filter((c) => keptPrefixes.has(pivotKey(c.row))) : [],
    subtotalTotals: totalsWanted
      ? [...subTotals.values()].filter((c) => keptPrefixes.has(pivotKey(c.row)))
      : [],
    truncated,
  };
}

function uniqueHeaders(list: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const h of list) seen.set(pivotKey(h), h);
  return [...seen.values()];
}
