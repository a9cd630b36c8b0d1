/**
 * Synthetic table-三 documents for layout tests (written for the tests, not copied from reports).
 * `table3Rows` gives a consistent table: every row sum, column balance and outcome sum holds.
 */
import type { Table3Row } from '../../../src/domain/keys';

export const LABELS_2021: readonly [Table3Row, string][] = [
  ['new_received', '一、本年新收政府信息公开申请数量'],
  ['carried_over', '二、上年结转政府信息公开申请数量'],
  ['granted', '(一)予以公开'],
  ['partially_granted', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'],
  ['withheld_state_secret', '1.属于国家秘密'],
  ['withheld_prohibited_by_law', '2.其他法律行政法规禁止公开'],
  ['withheld_three_safeties_one_stability', '3.危及"三安全一稳定"'],
  ['withheld_third_party_rights', '4.保护第三方合法权益'],
  ['withheld_internal_affairs', '5.属于三类内部事务信息'],
  ['withheld_process_information', '6.属于四类过程性信息'],
  ['withheld_law_enforcement_files', '7.属于行政执法案卷'],
  ['withheld_administrative_query', '8.属于行政查询事项'],
  ['unable_not_held', '1.本机关不掌握相关政府信息'],
  ['unable_needs_creation', '2.没有现成信息需要另行制作'],
  ['unable_unclear_after_correction', '3.补正后申请内容仍不明确'],
  ['rejected_petition_complaint', '1.信访举报投诉类申请'],
  ['rejected_repeated', '2.重复申请'],
  ['rejected_publication', '3.要求提供公开出版物'],
  ['rejected_excessive', '4.无正当理由大量反复申请'],
  ['rejected_confirmation', '5.要求行政机关确认或重新出具已获取信息'],
  ['other_overdue_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['other_overdue_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other_other', '3.其他'],
  ['total_handled', '(七)总计'],
  ['carried_forward', '四、结转下年度继续办理'],
];

export const LABELS_2019: readonly [Table3Row, string][] = [
  ...LABELS_2021.filter(([k]) => !k.startsWith('other_')),
].flatMap((e): [Table3Row, string][] =>
  e[0] === 'total_handled' ? [['other_single', '(六)其他处理'], e] : [e],
);

/** Per-row cells (6 applicant columns + total) of a consistent table. */
export function table3Rows(labels: readonly [Table3Row, string][]): Map<Table3Row, number[]> {
  const rows = new Map<Table3Row, number[]>();
  const outcomes = labels.filter(
    ([k]) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(k),
  );
  const handled = [0, 0, 0, 0, 0, 0];
  outcomes.forEach(([k], i) => {
    // Small varied figures; the first applicant column gets most requests.
    const cells = [(i * 7) % 13, i % 3 === 0 ? 1 : 0, 0, i % 5 === 0 ? 2 : 0, 0, i % 4 === 1 ? 1 : 0];
    cells.forEach((v, c) => {
      handled[c]! += v;
    });
    rows.set(k, cells);
  });
  const forward = [3, 1, 0, 0, 0, 0];
  const carried = [2, 0, 0, 0, 0, 0];
  const received = handled.map((h, c) => h + forward[c]! - carried[c]!);
  const withTotal = (v: number[]): number[] => [...v, v.reduce((a, b) => a + b, 0)];
  const out = new Map<Table3Row, number[]>();
  for (const [k] of labels) {
    if (k === 'new_received') out.set(k, withTotal(received));
    else if (k === 'carried_over') out.set(k, withTotal(carried));
    else if (k === 'total_handled') out.set(k, withTotal(handled));
    else if (k === 'carried_forward') out.set(k, withTotal(forward));
    else out.set(k, withTotal(rows.get(k)!));
  }
  return out;
}

export const HEADER = [
  '三、收到和处理政府信息公开申请情况',
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
];
export const T4_HEADING = '四、政府信息公开行政复议、行政诉讼情况';
