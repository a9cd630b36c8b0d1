import type { PivotResult } from '../../../queries';
import type { CsvTable } from '../../export/csv';
import { pivotLines, pivotLookup } from './lines';

/**
 * The pivot as a flat table: row-dim columns, one column per column header, then the total;
 * each group's subtotal line (labelled `subtotalLabel`) after its rows, as in the grid.
 */
export function pivotCsv(
  result: PivotResult,
  dimLabel: (d: string) => string,
  colLabel: (col: string[]) => string,
  totalLabel: string,
  /** A row header value as shown (labels, not keys); as stored by default. */
  valueLabel: (dimIndex: number, value: string) => string = (_i, v) => v,
  subtotalLabel = 'subtotal',
): CsvTable {
  const look = pivotLookup(result);
  const hasTotals = result.rowTotals.length > 0;
  const header = [
    ...result.rowDims.map(dimLabel),
    ...result.colHeaders.map(colLabel),
    ...(hasTotals ? [totalLabel] : []),
  ];
  const rows = pivotLines(result).map((line) => {
    const heads =
      line.kind === 'row'
        ? line.header.map((v, i) => valueLabel(i, v))
        : [
            ...line.prefix.map((v, i) => valueLabel(i, v)),
            subtotalLabel,
            ...result.rowDims.slice(line.prefix.length + 1).map(() => ''),
          ];
    return [
      ...heads,
      ...result.colHeaders.map((c) => look.cell(line, c)?.value ?? null),
      ...(hasTotals ? [look.total(line)?.value ?? null] : []),
    ];
  });
  if (hasTotals) {
    rows.push([
      totalLabel,
      ...result.rowDims.slice(1).map(() => ''),
      ...result.colHeaders.map((c) => look.colTotal(c)?.value ?? null),
      result.grandTotal?.value ?? null,
    ]);
  }
  return { header, rows };
}
