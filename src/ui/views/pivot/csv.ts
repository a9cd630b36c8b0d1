import { type PivotResult, pivotKey } from '../../../queries';
import type { CsvTable } from '../../export/csv';

/** The pivot as a flat table: row-dim columns, one column per column header, then the total. */
export function pivotCsv(
  result: PivotResult,
  dimLabel: (d: string) => string,
  colLabel: (col: string[]) => string,
  totalLabel: string,
  /** A row header value as shown (labels, not keys); as stored by default. */
  valueLabel: (dimIndex: number, value: string) => string = (_i, v) => v,
): CsvTable {
  const cells = new Map(result.cells.map((c) => [`${pivotKey(c.row)}\u001e${pivotKey(c.col)}`, c.value]));
  const rowTotals = new Map(result.rowTotals.map((c) => [pivotKey(c.row), c.value]));
  const hasTotals = result.rowTotals.length > 0;
  const header = [
    ...result.rowDims.map(dimLabel),
    ...result.colHeaders.map(colLabel),
    ...(hasTotals ? [totalLabel] : []),
  ];
  const rows = result.rowHeaders.map((r) => {
    const rk = pivotKey(r);
    return [
      ...r.map((v, i) => valueLabel(i, v)),
      ...result.colHeaders.map((c) => cells.get(`${rk}\u001e${pivotKey(c)}`) ?? null),
      ...(hasTotals ? [rowTotals.get(rk) ?? null] : []),
    ];
  });
  if (hasTotals) {
    const colTotals = new Map(result.colTotals.map((c) => [pivotKey(c.col), c.value]));
    rows.push([
      totalLabel,
      ...result.rowDims.slice(1).map(() => ''),
      ...result.colHeaders.map((c) => colTotals.get(pivotKey(c)) ?? null),
      result.grandTotal?.value ?? null,
    ]);
  }
  return { header, rows };
}
