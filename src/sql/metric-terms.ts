/** Pieces the metric builders (compare, province map, trends) share, written once. */
import type { Binder } from './bound';
import { type CorrectedCell, correctedSource } from './corrected';
import { where } from './filters';
import type { MetricSql } from './metric';
import { id } from './schema';

/**
 * The metric's numerator and denominator per report (`report_id, num, den`), from the printed
 * cells or with `corrections` applied; `conditions` narrow the cells read (years, units).
 */
export function perReportTerms(
  b: Binder,
  m: MetricSql,
  corrections: readonly CorrectedCell[] | undefined,
  conditions: readonly (string | null)[],
): string {
  return `SELECT ${id('report_id')}, ${m.numerator} AS num, ${m.denominator ?? 'NULL::DOUBLE'} AS den
  FROM ${correctedSource(b, m.table, corrections)}
  WHERE ${where([m.rows, ...conditions])}
  GROUP BY ${id('report_id')}`;
}

/** With `latestEach`, keeps each unit's latest report of those selected from `reports r`. */
export function latestPerUnit(latestEach: boolean | undefined): string {
  return latestEach
    ? `
QUALIFY row_number() OVER (PARTITION BY r.${id('unit_id')} ORDER BY r.${id('year')} DESC, r.${id('report_id')}) = 1`
    : '';
}
