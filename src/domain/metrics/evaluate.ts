/** Metric evaluation in TS, with the same null semantics as the SQL of src/sql/metric.ts. */
import type { Format } from '../keys';
import type { CellTerm, MetricDef } from './catalogue';

/** Cell lookup: `table.row.col` → printed value (null or absent when not a number). */
export type CellLookup = (table: string, row: string, col: string) => number | null | undefined;

export interface MetricValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comparable: boolean;
}

/** Σ sign·value over the terms; null when no term has a number (blank is not zero). */
export function sumTerms(terms: readonly CellTerm[], cell: CellLookup): number | null {
  let sum: number | null = null;
  for (const t of terms) {
    const v = cell(t.table, t.row, t.col);
    if (v === null || v === undefined) continue;
    sum = (sum ?? 0) + t.sign * v;
  }
  return sum;
}

/**
 * The metric for one report. A report in a format the metric does not cover is not
 * comparable: every number is null. A zero denominator gives a null rate.
 */
export function evaluateMetric(metric: MetricDef, format: Format, cell: CellLookup): MetricValue {
  if (!metric.formats.includes(format)) {
    return { value: null, numerator: null, denominator: null, comparable: false };
  }
  const numerator = sumTerms(metric.numerator, cell);
  if (!metric.denominator) return { value: numerator, numerator, denominator: null, comparable: true };
  const denominator = sumTerms(metric.denominator, cell);
  const value =
    numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
  return { value, numerator, denominator, comparable: true };
}
