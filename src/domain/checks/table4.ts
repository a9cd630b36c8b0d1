import { TABLE4_GROUPS } from '../keys';
import type { CheckFailure, Report } from '../report';

/**
 * Rule 4: per table-四 group, upheld + corrected + other + pending = total. Skipped when any of
 * the five cells is blank or missing (blank is not zero).
 */
export function table4GroupSum(t: Report['table4']): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const g of TABLE4_GROUPS) {
    const rec = t[g];
    if (!rec) continue;
    const parts = [rec.upheld, rec.corrected, rec.other, rec.pending];
    const total = rec.total;
    if (typeof total !== 'number' || parts.some((p) => typeof p !== 'number')) continue;
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    if (sum === total) continue;
    out.push({
      rule: 'table4.group_sum',
      where: `table4.${g}.*`,
      expected: total,
      actual: sum,
      message: `表四 ${g}: 维持+纠正+其他+尚未审结 = ${sum} ≠ 总计 ${total} / the four results sum to ${sum}, total is ${total}`,
    });
  }
  return out;
}
