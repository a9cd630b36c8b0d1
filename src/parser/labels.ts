/**
 * Label matching: printed labels (after NFKC) → canonical keys of src/domain/keys.ts.
 *
 * Matching is by keywords per canonical row, not by whole-label equality, so typos
 * (三类内容事务信息, 其他法律行政止公开), stray spaces, labels broken over lines and labels merged
 * with their group heading ("(三)不予公开1.属于国家秘密") all resolve. When several rows' keywords
 * occur in one label, the one that ends last wins: sub-row labels follow their group heading.
 */
import type { Table3Row } from '../domain/keys';

// Traditional → simplified for the characters that occur in report labels and headings
// (mirror sites serve 繁体: 本年新收政府信息公開申請數量).
const TRAD =
  '開請數結轉處辦關屬國機構務組織總計業會護權內類過執詢項無現補後確訪報舉訴復複議與為級規範門發廢統許罰強費額購採萬條況職區經維審糾據單應產實進從當記說號這們來對時間問題聯網絡頒張長於製';
const SIMP =
  '开请数结转处办关属国机构务组织总计业会护权内类过执询项无现补后确访报举诉复复议与为级规范门发废统许罚强费额购采万条况职区经维审纠据单应产实进从当记说号这们来对时间问题联网络颁张长于制';
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i < TRAD.length; i++) TRAD_MAP.set(TRAD[i]!, SIMP[i]!);
const TRAD_RE = new RegExp(`[${TRAD}]`, 'g');

export function toSimplified(s: string): string {
  return s.replace(TRAD_RE, (c) => TRAD_MAP.get(c) ?? c);
}

/** Matching form of a label: simplified, no whitespace, no punctuation or quotes. */
export function labelKey(s: string): string {
  return toSimplified(s).replace(/[\s\p{P}\p{S}]/gu, '');
}

export type HeadingKey = 'hdr_outcomes' | 'hdr_withheld' | 'hdr_unable' | 'hdr_rejected';
export type Table3Match = Table3Row | HeadingKey;

const TABLE3_KEYWORDS: readonly (readonly [Table3Match, readonly string[]])[] = [
  ['new_received', ['本年新收', '新收政府信息公开申请']],
  ['carried_over', ['上年结转']],
  ['hdr_outcomes', ['办理结果']],
  ['granted', ['予以公开']],
  ['partially_granted', ['部分公开']],
  ['hdr_withheld', ['不予公开']],
  ['withheld_state_secret', ['国家秘密']],
  ['withheld_prohibited_by_law', ['法律行政法规禁止', '禁止公开', '行政止公开', '其他法律']],
  ['withheld_three_safeties_one_stability', ['三安全一稳定', '三安全', '一稳定']],
  ['withheld_third_party_rights', ['第三方']],
  ['withheld_internal_affairs', ['内部事务', '三类内', '事务信息']],
  ['withheld_process_information', ['过程性', '四类过程']],
  ['withheld_law_enforcement_files', ['执法案卷']],
  ['withheld_administrative_query', ['查询事项', '行政查询']],
  ['hdr_unable', ['无法提供']],
  ['unable_not_held', ['不掌握']],
  ['unable_needs_creation', ['另行制作', '没有现成']],
  ['unable_unclear_after_correction', ['仍不明确', '补正后申请']],
  ['hdr_rejected', ['不予处理']],
  ['rejected_petition_complaint', ['信访', '举报投诉']],
  ['rejected_repeated', ['重复申请']],
  ['rejected_publication', ['出版物']],
  ['rejected_excessive', ['大量反复']],
  ['rejected_confirmation', ['重新出具', '确认或重新', '已获取信息']],
  ['other_overdue_correction', ['逾期不补正']],
  ['other_overdue_fee', ['收费通知', '缴纳费用']],
  // "(六)其他处理": a single row in the 2019 format, a group heading in 2021; table3.ts decides.
  ['other_single', ['其他处理']],
  ['total_handled', ['总计']],
  ['carried_forward', ['结转下年度', '下年度继续']],
];

/**
 * The canonical table-三 row (or group heading) a label names, or null. The bare label "其他"
 * is （六）3.其他 only when printed alone (it is also an applicant column heading).
 */
export function matchTable3Label(label: string): Table3Match | null {
  let match = table3Cache.get(label);
  if (match === undefined) {
    // Bounded: a batch run sees every label of thousands of reports.
    if (table3Cache.size >= 5000) table3Cache.clear();
    match = matchTable3Uncached(label);
    table3Cache.set(label, match);
  }
  return match;
}

// The table logic asks about the same label several times (sections, groups, rows), and the
// same labels recur across reports: a cache made label matching drop out of the profile.
const table3Cache = new Map<string, Table3Match | null>();

function matchTable3Uncached(label: string): Table3Match | null {
  const key = labelKey(label);
  if (key.length === 0) return null;
  if (/^\d?其他$/.test(key)) return 'other_other';
  let best: Table3Match | null = null;
  let bestEnd = -1;
  let bestLen = 0;
  for (const [row, words] of TABLE3_KEYWORDS) {
    for (const w of words) {
      const at = key.lastIndexOf(w);
      if (at < 0) continue;
      const end = at + w.length;
      if (end > bestEnd || (end === bestEnd && w.length > bestLen)) {
        best = row;
        bestEnd = end;
        bestLen = w.length;
      }
    }
  }
  return best;
}

/**
 * The rows a label names, in printed order, when flattened text glued several row labels into one
 * ("2.申请人逾期未按收费通知…申请3.其他(七)总计": two rows printed with no cells, then 总计). The
 * label is cut before each list number ("3.", "(七)", "四、").
 */
export function table3RowsIn(label: string): Table3Match[] {
  const out: Table3Match[] = [];
  for (const piece of label.split(
    /(?=[(（][一二三四五六七八九十][)）]|(?<![\d.])\d\.(?!\d)|[一二三四五六七八九十]、)/,
  )) {
    const m = matchTable3Label(piece);
    if (m && out[out.length - 1] !== m) out.push(m);
  }
  return out;
}

export function isHeading(m: Table3Match | null): m is HeadingKey {
  return m?.startsWith('hdr_') === true;
}

/** Table 四 group headings, in printed order. */
export function matchTable4Group(
  label: string,
): 'review' | 'litigation_direct' | 'litigation_after_review' | null {
  const key = labelKey(label);
  if (key.includes('复议后起诉')) return 'litigation_after_review';
  if (key.includes('未经复议') || key.includes('直接起诉')) return 'litigation_direct';
  if (key.endsWith('行政复议')) return 'review';
  return null;
}

/** Section headings that bound the tables. */
export const TABLE3_HEADING = /收到[和的]?处理政府信息公开申请/;
export const TABLE4_HEADING = /复议|行政诉讼/;
export const AFTER_TABLE4 = /^五|存在的?主要问题|存在问题|改进情况/;
export const TABLE2_HEADING = /主动公开政府信息/;

/** Table 二 items (both formats) by label; order matters: longer names first. */
const TABLE2_ITEM_WORDS: readonly (readonly [string, string])[] = [
  ['其他对外管理服务事项', 'other_services'],
  ['行政事业性收费', 'fees'],
  ['政府集中采购', 'procurement'],
  ['规范性文件', 'normative_documents'],
  ['规章', 'regulations'],
  ['行政许可', 'licensing'],
  ['行政处罚', 'penalty'],
  ['行政强制', 'coercion'],
];

/** The table-二 item a label ends with (flattened text glues the headings before it). */
export function matchTable2Item(label: string): string | null {
  const key = labelKey(label);
  for (const [word, item] of TABLE2_ITEM_WORDS) if (key.endsWith(word)) return item;
  return null;
}

/** Table 二 header evidence for the format: 2021 prints 制发/废止/现行有效; 2019 新制作/新公开/上一年项目. */
export function table2FormatHint(label: string): '2019' | '2021' | null {
  const key = labelKey(label);
  if (/制发件数|废止件数|现行有效/.test(key)) return '2021';
  if (/新制作数量|新公开数量|对外公开总数|上一年项目|采购项目数量|本年增减/.test(key)) return '2019';
  return null;
}
