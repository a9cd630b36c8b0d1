/**
 * Table-三 identities (rules 1–3 of ../shared/spec/report-model.md).
 *
 * Null policy: a blank / "/" / "-" cell is not zero, so an identity with any blank or missing
 * operand is skipped (we cannot tell whether it holds), never reported as a failure. Rows the
 * report does not print are not operands: rule 2 sums the outcome rows that are present, but only
 * when total_handled is present for that column.
 */
import { APPLICANT_COLUMNS, OUTCOME_ROWS, TABLE3_COLUMNS } from '../keys';
import type { CheckFailure, Report } from '../report';

type Values = Report['table3'];

function cell(t: Values, row: string, col: string): number | null {
  const v = t[row]?.[col];
  return typeof v === 'number' ? v : null;
}

/** Rule 1: per column, new_received + carried_over = total_handled + carried_forward. */
export function columnBalance(t: Values): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const col of TABLE3_COLUMNS) {
    const a = cell(t, 'new_received', col);
    const b = cell(t, 'carried_over', col);
    const c = cell(t, 'total_handled', col);
    const d = cell(t, 'carried_forward', col);
    if (a === null || b === null || c === null || d === null) continue;
    if (a + b === c + d) continue;
    out.push({
      rule: 'table3.column_balance',
      where: `table3.*.${col}`,
      expected: a + b,
      actual: c + d,
      message: `表三 ${col} 列: 本年新收 ${a} + 上年结转 ${b} = ${a + b}, 但办理总计 ${c} + 结转下年度 ${d} = ${c + d} / new + carried over ≠ handled + carried forward`,
    });
  }
  return out;
}

/** Rule 2: per column, the outcome rows sum to total_handled. */
export function outcomeSum(t: Values): CheckFailure[] {
  const out: CheckFailure[] = [];
  const present = OUTCOME_ROWS.filter((r) => t[r] !== undefined);
  if (present.length === 0) return out;
  for (const col of TABLE3_COLUMNS) {
    const total = cell(t, 'total_handled', col);
    if (total === null) continue;
    let sum = 0;
    let blank = false;
    for (const r of present) {
      const v = cell(t, r, col);
      if (v === null) blank = true;
      else sum += v;
    }
    if (blank || sum === total) continue;
    out.push({
      rule: 'table3.outcome_sum',
      where: `table3.*.${col}`,
      expected: total,
      actual: sum,
      message: `表三 ${col} 列: 各办理结果之和 ${sum} ≠ (七)总计 ${total} / outcome rows sum to ${sum}, total_handled is ${total}`,
    });
  }
  return out;
}

/** Rule 3: per row, the six applicant columns sum to total. */
export function rowSum(t: Values): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const [row, rec] of Object.entries(t)) {
    const total = cell(t, row, 'total');
    if (total === null) continue;
    let sum = 0;
    let blank = false;
    for (const col of APPLICANT_COLUMNS) {
      const v = rec[col];
      if (typeof v === 'number') sum += v;
      else blank = true;
    }
    if (blank || sum === total) continue;
    out.push({
      rule: 'table3.row_sum',
      where: `table3.${row}.*`,
      expected: total,
      actual: sum,
      message: `表三 ${row} 行: 六类申请人之和 ${sum} ≠ 总计 ${total} / the six applicant columns sum to ${sum}, total is ${total}`,
    });
  }
  return out;
}
