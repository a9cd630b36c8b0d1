/**
 * Failed checks in the UI language, rendered from their codes (rule, location, expected, actual)
 * rather than from the stored `message`, which is one bilingual sentence written at parse time.
 * Keys in a location become the labels a reader knows ("表三 · 自然人"); an unknown rule or key is
 * named generically, never shown as a raw identifier.
 */
import {
  type Bilingual,
  OUTCOME_GROUP_LABELS,
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
} from '../domain/metrics';
import type { Lang } from '../state';
import { interpolate, type Vars } from './interpolate';

export interface CheckCode {
  rule: string;
  /** `table3.*.natural_person`, `table3.granted.*`, `table2.licensing`, `table3`… */
  location: string;
  expected: number | null;
  actual: number | null;
  /** The stored sentence: only read for the list of missing rows of `incomplete`. */
  message?: string | null;
}

const TABLE_NAMES: Record<string, Bilingual> = {
  table2: { zh: '表二', en: 'Table 2' },
  table3: { zh: '表三', en: 'Table 3' },
  table4: { zh: '表四', en: 'Table 4' },
};

type Lookup = Readonly<Record<string, Bilingual>>;
const KEYS_OF: Record<string, readonly Lookup[]> = {
  table2: [TABLE2_ITEM_LABELS, TABLE2_COLUMN_LABELS],
  table3: [TABLE3_ROW_LABELS, TABLE3_COLUMN_LABELS, OUTCOME_GROUP_LABELS],
  table4: [TABLE4_GROUP_LABELS, TABLE4_COLUMN_LABELS],
};

const RULES: Readonly<Record<string, Bilingual>> = {
  'table3.column_balance': {
    zh: '表三收支平衡（新收 + 上年结转 = 办理总计 + 结转下年度）',
    en: 'Table 3 balance (new + carried over = handled + carried forward)',
  },
  'table3.outcome_sum': {
    zh: '表三各办理结果之和 = 办理总计',
    en: 'Table 3 outcomes add up to total handled',
  },
  'table3.row_sum': { zh: '表三六类申请人之和 = 总计', en: 'Table 3 applicant columns add up to total' },
  'table4.group_sum': {
    zh: '表四维持 + 纠正 + 其他 + 尚未审结 = 总计',
    en: 'Table 4 results add up to total',
  },
  'cross_year.carry': {
    zh: '跨年度：上年结转下年度 = 本年上年结转',
    en: 'Across years: carried forward = next year’s carried over',
  },
  'cross_year.in_force': {
    zh: '跨年度：上年现行有效 + 制发 − 废止 = 本年现行有效',
    en: 'Across years: in force + issued − repealed = next in force',
  },
  'narrative.total': { zh: '正文数字与表格一致', en: 'Prose figures match the tables' },
  incomplete: { zh: '表格不完整', en: 'Incomplete table' },
  no_figures: { zh: '表格没有数字', en: 'Table has no figures' },
  'table2.short_row': { zh: '表二行缺单元格', en: 'Table 2 row has missing cells' },
  ambiguous_split: { zh: '连写数字拆分不唯一', en: 'Run-together digits split more than one way' },
  'ocr.uncertain_cell': { zh: 'OCR 识别不确定的单元格', en: 'Cell the OCR was unsure of' },
};

/** Every rule the parser and the CLI write into checks.parquet that has a name (the About page lists them). */
export const NAMED_CHECK_RULES: readonly string[] = Object.keys(RULES);

const OTHER_RULE: Bilingual = { zh: '其他校验', en: 'Other check' };

/** Messages by rule: {where} the location, {e} expected, {a} actual, {n} missing rows. */
const MESSAGES: Readonly<Record<string, Bilingual>> = {
  'table3.column_balance': {
    zh: '{where}：本年新收 + 上年结转 = {e}，但办理总计 + 结转下年度 = {a}',
    en: '{where}: new + carried over = {e}, but handled + carried forward = {a}',
  },
  'table3.outcome_sum': {
    zh: '{where}：办理总计为 {e}，各办理结果之和为 {a}',
    en: '{where}: total handled is {e}, the outcome rows add up to {a}',
  },
  'table3.row_sum': {
    zh: '{where}：总计为 {e}，六类申请人之和为 {a}',
    en: '{where}: total is {e}, the six applicant columns add up to {a}',
  },
  'table4.group_sum': {
    zh: '{where}：总计为 {e}，维持 + 纠正 + 其他 + 尚未审结 = {a}',
    en: '{where}: total is {e}, the four results add up to {a}',
  },
  'cross_year.carry': {
    zh: '{where}：上年结转下年度为 {e}，本年上年结转为 {a}',
    en: '{where}: last year carried forward {e}, this year carried over {a}',
  },
  'cross_year.in_force': {
    zh: '{where}：按上年现行有效 + 本年制发 − 废止应为 {e}，实为 {a}',
    en: '{where}: last year’s in force + issued − repealed gives {e}, printed {a}',
  },
  'narrative.total': {
    zh: '{where}：正文所述为 {e}，表格为 {a}',
    en: '{where}: the prose states {e}, the table says {a}',
  },
  incomplete: {
    zh: '{where}不完整：应有 {e} 行，读到 {a} 行',
    en: '{where} is incomplete: {a} of {e} rows read',
  },
  'incomplete.missing': { zh: '缺少：{n}', en: 'missing: {n}' },
  'incomplete.none': { zh: '未找到{where}的数字', en: 'no figures found for {where}' },
  no_figures: { zh: '{where}没有填写任何数字', en: '{where} has no figures filled in' },
  'table2.short_row': {
    zh: '{where}：只印了 {a}/{e} 个单元格，首尾两格按首尾列读，其余缺失',
    en: '{where}: {a} of {e} cells printed; first and last kept, the rest missing',
  },
  ambiguous_split: {
    zh: '{where}：连写数字有多种拆分，已取其一',
    en: '{where}: run-together digits fit more than one split; one was taken',
  },
  'ocr.uncertain_cell': {
    zh: '{where}：扫描件 OCR 读作 {a}，但识别不确定，请对照原件核对',
    en: '{where}: the scan was read as {a} by OCR, but not surely; check it against the original',
  },
  other: { zh: '{where}：应为 {e}，实为 {a}', en: '{where}: expected {e}, found {a}' },
  'other.bare': { zh: '{where}：未通过', en: '{where}: failed' },
};

const pick = (lang: Lang, b: Bilingual) => b[lang];
const say = (lang: Lang, key: string, vars: Vars) => interpolate(pick(lang, MESSAGES[key]!), vars);

function keyLabel(table: string, key: string): Bilingual | null {
  for (const map of KEYS_OF[table] ?? []) if (Object.hasOwn(map, key)) return map[key]!;
  return null;
}

/** The name of a rule in `lang`; an unknown rule is "other check". */
export function ruleName(lang: Lang, rule: string): string {
  return pick(lang, Object.hasOwn(RULES, rule) ? RULES[rule]! : OTHER_RULE);
}

/** `table3.*.natural_person` → 表三 · 自然人. Unknown keys are left out, never printed raw. */
export function locationName(lang: Lang, location: string): string {
  const [table = '', ...keys] = location.split('.');
  const name = Object.hasOwn(TABLE_NAMES, table) ? pick(lang, TABLE_NAMES[table]!) : '';
  const parts = keys
    .filter((k) => k !== '*' && k !== '')
    .map((k) => keyLabel(table, k))
    .filter((b): b is Bilingual => b !== null)
    .map((b) => pick(lang, b));
  return [name, ...parts].filter(Boolean).join(' · ') || pick(lang, { zh: '年报', en: 'report' });
}

/** Row keys of table 三 named in a stored message (its missing rows), in the order written. */
function missingRows(message: string | null | undefined): string[] {
  if (!message) return [];
  const out: string[] = [];
  for (const word of message.match(/[a-z][a-z_]+/g) ?? []) {
    if (Object.hasOwn(TABLE3_ROW_LABELS, word) && !out.includes(word)) out.push(word);
  }
  return out;
}

/** One failed check as a sentence in `lang`. `num` formats the figures. */
export function checkMessage(lang: Lang, c: CheckCode, num: (n: number | null) => string): string {
  const where = locationName(lang, c.location);
  const vars: Vars = { where, e: num(c.expected), a: num(c.actual) };
  if (c.rule === 'incomplete') {
    if (c.expected === null) return say(lang, 'incomplete.none', vars);
    const missing = missingRows(c.message).map((k) => pick(lang, TABLE3_ROW_LABELS[k as never]));
    const head = say(lang, 'incomplete', vars);
    return missing.length > 0
      ? `${head}${lang === 'zh' ? '；' : '; '}${say(lang, 'incomplete.missing', { n: missing.join(lang === 'zh' ? '、' : ', ') })}`
      : head;
  }
  if (Object.hasOwn(MESSAGES, c.rule)) return say(lang, c.rule, vars);
  return say(lang, c.expected === null && c.actual === null ? 'other.bare' : 'other', vars);
}
