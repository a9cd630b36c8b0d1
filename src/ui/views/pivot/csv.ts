import type { MetricUnit } from '../../../domain/metrics';
import type { I18n } from '../../../i18n';
import type { PivotResult } from '../../../queries';
import { csvNumber, valueHeader } from '../../common/exportText';
import type { CsvTable } from '../../export/csv';
import { pivotLines, pivotLookup } from './lines';

/**
 * The pivot as a flat table: row-dim columns, one column per column header, then the total;
 * each group's subtotal line (labelled `subtotalLabel`) after its rows, as in the grid.
 * With `percent`, rates and shares (stored 0–1) are written as percent and every value column's
 * name says so, as in the other views' CSV files.
 */
export function pivotCsv(
  result: PivotResult,
  dimLabel: (d: string) => string,
  colLabel: (col: string[]) => string,
  totalLabel: string,
  /** A row header value as shown (labels, not keys); as stored by default. */
  valueLabel: (dimIndex: number, value: string) => string = (_i, v) => v,
  subtotalLabel = 'subtotal',
  percent?: { i18n: I18n; unit: MetricUnit },
): CsvTable {
  const look = pivotLookup(result);
  const hasTotals = result.rowTotals.length > 0;
  const named = (name: string) => (percent ? valueHeader(percent.i18n, name, percent.unit) : name);
  const value = (v: number | null | undefined) => (percent ? csvNumber(percent.unit, v) : (v ?? null));
  const header = [
    ...result.rowDims.map(dimLabel),
    ...result.colHeaders.map((c) => named(colLabel(c))),
    ...(hasTotals ? [named(totalLabel)] : []),
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
      ...result.colHeaders.map((c) => value(look.cell(line, c)?.value)),
      ...(hasTotals ? [value(look.total(line)?.value)] : []),
    ];
  });
  if (hasTotals) {
    rows.push([
      totalLabel,
      ...result.rowDims.slice(1).map(() => ''),
      ...result.colHeaders.map((c) => value(look.colTotal(c)?.value)),
      value(result.grandTotal?.value),
    ]);
  }
  return { header, rows };
}
