/**
 * The consistency checks the generator writes to checks.parquet: exactly src/domain/checks, the
 * ones run on real reports, over one unit's reports in year order.
 */
import { checkReport, crossYear } from '../domain/checks';
import type { CheckFailure, Report } from '../domain/report';

/** Failures per report (same order as `reports`); cross-year failures go to the later year. */
export function checkSeries(reports: readonly Report[]): CheckFailure[][] {
  const byYear = new Map<number, CheckFailure[]>();
  for (const { year, ...failure } of crossYear(reports)) {
    byYear.set(year, [...(byYear.get(year) ?? []), failure]);
  }
  return reports.map((report) => [...checkReport(report), ...(byYear.get(report.year) ?? [])]);
}
