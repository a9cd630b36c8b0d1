/** The per-report consistency checks (rules 1–4 and 6); rule 5 spans years: see cross-year.ts. */
import type { CheckFailure, Report } from '../report';
import { narrativeTotals } from './narrative';
import { columnBalance, outcomeSum, rowSum } from './table3';
import { table4GroupSum } from './table4';

export { crossYear } from './cross-year';
export { narrativeTotals } from './narrative';
export { columnBalance, outcomeSum, rowSum } from './table3';
export { table4GroupSum } from './table4';

/** Runs rules 1–4 on the tables and rule 6 when the document's prose is given. */
export function checkReport(report: Pick<Report, 'table3' | 'table4'>, prose?: string): CheckFailure[] {
  return [
    ...columnBalance(report.table3),
    ...outcomeSum(report.table3),
    ...rowSum(report.table3),
    ...table4GroupSum(report.table4),
    ...(prose === undefined ? [] : narrativeTotals(report, prose)),
  ];
}
