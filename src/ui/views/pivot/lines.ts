import { type PivotCell, type PivotResult, pivotKey } from '../../../queries';

/** One line of the pivot as shown: a row header, or the subtotal of the group above it. */
export type PivotLine = { kind: 'row'; header: string[] } | { kind: 'subtotal'; prefix: string[] };

/**
 * The row headers with a subtotal line after the last row of each group (a value of the leading
 * row dims), innermost group first. Rows arrive grouped (sorted by label, or by value group by
 * group); the subtotals' figures are the query's, never added up here.
 */
export function pivotLines(result: PivotResult): PivotLine[] {
  const depth = result.rowDims.length;
  const has = new Set([...result.subtotals, ...result.subtotalTotals].map((c) => pivotKey(c.row)));
  const out: PivotLine[] = [];
  const headers = result.rowHeaders;
  headers.forEach((header, i) => {
    out.push({ kind: 'row', header });
    const next = headers[i + 1];
    for (let d = depth - 1; d >= 1; d--) {
      const prefix = header.slice(0, d);
      const key = pivotKey(prefix);
      if (has.has(key) && (!next || pivotKey(next.slice(0, d)) !== key))
        out.push({ kind: 'subtotal', prefix });
    }
  });
  return out;
}

/** Lookups of a result's cells: a line × column cell, and a line's total. */
export function pivotLookup(result: PivotResult) {
  const cells = new Map<string, PivotCell>();
  for (const c of [...result.cells, ...result.subtotals])
    cells.set(`${pivotKey(c.row)}\u001e${pivotKey(c.col)}`, c);
  const totals = new Map([...result.rowTotals, ...result.subtotalTotals].map((c) => [pivotKey(c.row), c]));
  const colTotals = new Map(result.colTotals.map((c) => [pivotKey(c.col), c]));
  const rowOf = (l: PivotLine) => (l.kind === 'row' ? l.header : l.prefix);
  return {
    cell: (l: PivotLine, col: string[]) => cells.get(`${pivotKey(rowOf(l))}\u001e${pivotKey(col)}`),
    total: (l: PivotLine) => totals.get(pivotKey(rowOf(l))),
    colTotal: (col: string[]) => colTotals.get(pivotKey(col)),
  };
}
