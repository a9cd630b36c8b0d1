/**
 * An independent, minimal reading of check rules 1–5 (blank counted as 0), used by the tests to
 * judge the generator without trusting it: which rules does a report break?
 */
import { APPLICANT_COLUMNS, OUTCOME_ROWS, TABLE3_COLUMNS, TABLE4_GROUPS } from '../../src/domain/keys';
import type { Report } from '../../src/domain/report';

const n = (v: number | null | undefined) => (typeof v === 'number' ? v : 0);

export function brokenRules(report: Report, previous: Report | null): Set<string> {
  const broken = new Set<string>();
  const t3 = report.table3;
  const cell = (row: string, col: string) => n(t3[row]?.[col]);
  for (const col of TABLE3_COLUMNS) {
    if (
      cell('new_received', col) + cell('carried_over', col) !==
      cell('total_handled', col) + cell('carried_forward', col)
    )
      broken.add('table3.column_balance');
    const outcomes = OUTCOME_ROWS.reduce((s, row) => s + cell(row, col), 0);
    if (outcomes !== cell('total_handled', col)) broken.add('table3.outcome_sum');
  }
  for (const row of Object.keys(t3)) {
    if (APPLICANT_COLUMNS.reduce((s, col) => s + cell(row, col), 0) !== cell(row, 'total'))
      broken.add('table3.row_sum');
  }
  for (const group of TABLE4_GROUPS) {
    const g = report.table4[group] ?? {};
    if (n(g.upheld) + n(g.corrected) + n(g.other) + n(g.pending) !== n(g.total))
      broken.add('table4.group_sum');
  }
  if (previous && previous.year === report.year - 1) {
    for (const col of TABLE3_COLUMNS)
      if (n(previous.table3.carried_forward?.[col]) !== cell('carried_over', col))
        broken.add('cross_year.carry');
    if (previous.format === '2021' && report.format === '2021') {
      for (const item of ['regulations', 'normative_documents']) {
        const was = previous.table2[item]?.in_force;
        const now = report.table2[item];
        if (typeof was !== 'number' || typeof now?.in_force !== 'number') continue;
        if (was + n(now.issued) - n(now.repealed) !== now.in_force) broken.add('cross_year.in_force');
      }
    }
  }
  return broken;
}
