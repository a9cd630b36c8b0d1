/**
 * Rule 6: where the prose states a total, it matches the table. Recognised statements:
 * "收到/受理/新收…申请 N 件" (or "收到 N 份…申请") against table 三 new_received total (a prose
 * figure equal to new_received + carried_over also passes: some reports count both as 受理), and
 * "行政复议 N 件" / "N 件…行政复议" against table 四 review total. Only the first statement of each
 * kind is used; lines are joined first because PDF text wraps mid-sentence.
 */
import type { CheckFailure, Report } from '../report';

const RECEIVED = [
  /(?:收到|受理|新收)[^。；;！!\d]{0,24}?申请[^。；;\d]{0,8}?(\d+)\s*(?:件|份|个|条)/,
  /(?:收到|受理|新收)\s*(\d+)\s*(?:件|份|个|条)[^。；;\d]{0,16}?申请/,
];
const REVIEW = [
  /行政复议(?:案件|申请)?[^。；;\d]{0,6}?(\d+)\s*(?:件|起|宗)/,
  /(\d+)\s*(?:件|起|宗)[^。；;、,，\d]{0,16}?行政复议/,
];

/** The figure of the first statement matched by the highest-priority pattern that matches. */
function firstMatch(text: string, patterns: readonly RegExp[]): number | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

export function narrativeTotals(report: Pick<Report, 'table3' | 'table4'>, text: string): CheckFailure[] {
  const out: CheckFailure[] = [];
  const prose = text.replace(/\s*\n\s*/g, '');
  const received = firstMatch(prose, RECEIVED);
  const table = report.table3.new_received?.total;
  const carried = report.table3.carried_over?.total;
  if (received !== null && typeof table === 'number') {
    const alsoCarried = typeof carried === 'number' ? table + carried : table;
    if (received !== table && received !== alsoCarried) {
      out.push({
        rule: 'narrative.total',
        where: 'table3.new_received.total',
        expected: received,
        actual: table,
        message: `正文称收到/受理申请 ${received} 件, 表三本年新收总计为 ${table} / prose states ${received} requests received, table 三 says ${table}`,
      });
    }
  }
  const review = firstMatch(prose, REVIEW);
  const reviewTotal = report.table4.review?.total;
  if (review !== null && typeof reviewTotal === 'number' && review !== reviewTotal) {
    out.push({
      rule: 'narrative.total',
      where: 'table4.review.total',
      expected: review,
      actual: reviewTotal,
      message: `正文称行政复议 ${review} 件, 表四行政复议总计为 ${reviewTotal} / prose states ${review} administrative reviews, table 四 says ${reviewTotal}`,
    });
  }
  return out;
}
