/**
 * Rule 5, across the reports of one unit: last year's carried_forward = this year's carried_over
 * (per table-三 column); for two consecutive 2021-format reports, last year's in_force + this
 * year's issued − repealed = this year's in_force (regulations, normative_documents).
 * Only consecutive years are compared; blanks skip the comparison. Failures are attributed to the
 * later report (its `where` names the cells).
 */
import { TABLE3_COLUMNS } from '../keys';
import type { CheckFailure, Report } from '../report';

export interface CrossYearFailure extends CheckFailure {
  year: number;
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function crossYear(reports: readonly Report[]): CrossYearFailure[] {
  const out: CrossYearFailure[] = [];
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.year !== prev.year + 1) continue;
    for (const col of TABLE3_COLUMNS) {
      const before = num(prev.table3.carried_forward?.[col]);
      const now = num(cur.table3.carried_over?.[col]);
      if (before === null || now === null || before === now) continue;
      out.push({
        year: cur.year,
        rule: 'cross_year.carry',
        where: `table3.carried_over.${col}`,
        expected: before,
        actual: now,
        message: `${prev.year} 年结转下年度 ${before} ≠ ${cur.year} 年上年结转 ${now} (${col}) / last year's carried_forward differs from this year's carried_over`,
      });
    }
    if (prev.format !== '2021' || cur.format !== '2021') continue;
    for (const item of ['regulations', 'normative_documents']) {
      const last = num(prev.table2[item]?.in_force);
      const issued = num(cur.table2[item]?.issued);
      const repealed = num(cur.table2[item]?.repealed);
      const now = num(cur.table2[item]?.in_force);
      if (last === null || issued === null || repealed === null || now === null) continue;
      const expected = last + issued - repealed;
      if (expected === now) continue;
      out.push({
        year: cur.year,
        rule: 'cross_year.in_force',
        where: `table2.${item}.in_force`,
        expected,
        actual: now,
        message: `${item}: ${prev.year} 年现行有效 ${last} + 本年制发 ${issued} − 废止 ${repealed} = ${expected}, 但 ${cur.year} 年现行有效为 ${now} / in_force does not follow from last year`,
      });
    }
  }
  return out;
}
