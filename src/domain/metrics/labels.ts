/** Short zh/en labels of the canonical keys, for metric labels and formula text. */
import type { OutcomeGroup, Table3Column, Table3Row, Table4Column, Table4Group } from '../keys';

export interface Bilingual {
  zh: string;
  en: string;
}

export const TABLE3_ROW_LABELS: Record<Table3Row, Bilingual> = {
  new_received: { zh: '本年新收申请', en: 'new requests' },
  carried_over: { zh: '上年结转申请', en: 'carried over from last year' },
  granted: { zh: '予以公开', en: 'granted' },
  partially_granted: { zh: '部分公开', en: 'partially granted' },
  withheld_state_secret: { zh: '不予公开·国家秘密', en: 'withheld: state secret' },
  withheld_prohibited_by_law: { zh: '不予公开·法律法规禁止', en: 'withheld: prohibited by law' },
  withheld_three_safeties_one_stability: {
    zh: '不予公开·三安全一稳定',
    en: 'withheld: three safeties, one stability',
  },
  withheld_third_party_rights: { zh: '不予公开·第三方合法权益', en: 'withheld: third-party rights' },
  withheld_internal_affairs: { zh: '不予公开·内部事务信息', en: 'withheld: internal affairs' },
  withheld_process_information: { zh: '不予公开·过程性信息', en: 'withheld: process information' },
  withheld_law_enforcement_files: { zh: '不予公开·行政执法案卷', en: 'withheld: law-enforcement files' },
  withheld_administrative_query: { zh: '不予公开·行政查询事项', en: 'withheld: administrative query' },
  unable_not_held: { zh: '无法提供·本机关不掌握', en: 'unable: not held' },
  unable_needs_creation: { zh: '无法提供·需另行制作', en: 'unable: needs creation' },
  unable_unclear_after_correction: {
    zh: '无法提供·补正后仍不明确',
    en: 'unable: unclear after correction',
  },
  rejected_petition_complaint: { zh: '不予处理·信访举报投诉', en: 'rejected: petition or complaint' },
  rejected_repeated: { zh: '不予处理·重复申请', en: 'rejected: repeated' },
  rejected_publication: { zh: '不予处理·公开出版物', en: 'rejected: publication' },
  rejected_excessive: { zh: '不予处理·大量反复申请', en: 'rejected: excessive' },
  rejected_confirmation: { zh: '不予处理·要求确认或重新出具', en: 'rejected: confirmation' },
  other_overdue_correction: { zh: '其他处理·逾期不补正', en: 'other: overdue correction' },
  other_overdue_fee: { zh: '其他处理·逾期未缴费', en: 'other: overdue fee' },
  other_other: { zh: '其他处理·其他', en: 'other: other' },
  other_single: { zh: '其他处理（单行）', en: 'other (single row)' },
  total_handled: { zh: '办理总计', en: 'total handled' },
  carried_forward: { zh: '结转下年度', en: 'carried forward' },
};

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, Bilingual> = {
  granted: { zh: '予以公开', en: 'granted' },
  partially_granted: { zh: '部分公开', en: 'partially granted' },
  withheld: { zh: '不予公开', en: 'withheld' },
  unable: { zh: '无法提供', en: 'unable to provide' },
  rejected: { zh: '不予处理', en: 'rejected' },
  other: { zh: '其他处理', en: 'other handling' },
};

export const TABLE3_COLUMN_LABELS: Record<Table3Column, Bilingual> = {
  natural_person: { zh: '自然人', en: 'natural persons' },
  commercial: { zh: '商业企业', en: 'commercial enterprises' },
  research: { zh: '科研机构', en: 'research institutions' },
  social_org: { zh: '社会公益组织', en: 'social organisations' },
  legal_service: { zh: '法律服务机构', en: 'legal service providers' },
  other: { zh: '其他法人或组织', en: 'other legal persons' },
  total: { zh: '总计', en: 'total' },
};

export const TABLE4_GROUP_LABELS: Record<Table4Group, Bilingual> = {
  review: { zh: '行政复议', en: 'administrative review' },
  litigation_direct: { zh: '行政诉讼·直接起诉', en: 'litigation, direct' },
  litigation_after_review: { zh: '行政诉讼·复议后起诉', en: 'litigation after review' },
};

export const TABLE4_COLUMN_LABELS: Record<Table4Column, Bilingual> = {
  upheld: { zh: '结果维持', en: 'upheld' },
  corrected: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other result' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' },
};

export const TABLE2_ITEM_LABELS: Record<string, Bilingual> = {
  regulations: { zh: '规章', en: 'regulations' },
  normative_documents: { zh: '行政规范性文件', en: 'normative documents' },
  licensing: { zh: '行政许可', en: 'licensing' },
  other_services: { zh: '其他对外管理服务事项', en: 'other services' },
  penalty: { zh: '行政处罚', en: 'penalties' },
  coercion: { zh: '行政强制', en: 'coercive measures' },
  fees: { zh: '行政事业性收费', en: 'fees' },
  procurement: { zh: '政府集中采购', en: 'procurement' },
};

export const TABLE2_COLUMN_LABELS: Record<string, Bilingual> = {
  issued: { zh: '本年制发件数', en: 'issued' },
  repealed: { zh: '本年废止件数', en: 'repealed' },
  in_force: { zh: '现行有效件数', en: 'in force' },
  decisions: { zh: '处理决定数量', en: 'decisions' },
  amount_10k_yuan: { zh: '金额（万元）', en: 'amount (10k yuan)' },
  newly_made: { zh: '本年新制作数量', en: 'newly made' },
  newly_published: { zh: '本年新公开数量', en: 'newly published' },
  total_published: { zh: '对外公开总数量', en: 'total published' },
  items_last_year: { zh: '上一年项目数量', en: 'items last year' },
  items_change: { zh: '本年增/减', en: 'change this year' },
  items: { zh: '采购项目数量', en: 'procurement items' },
};
