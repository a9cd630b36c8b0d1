/**
 * The URL codec's notice reasons (src/state/url/reasons.ts) worded in the UI language. Every
 * code has both wordings (a missing one is a compile error), so no English reaches the Chinese UI.
 */
import { OUTCOME_GROUP_LABELS } from '../domain/metrics';
import type { Lang, Reason, ReasonCode } from '../state';
import { interpolate } from './interpolate';

const WORDS: Record<ReasonCode, { zh: string; en: string }> = {
  notOneOf: { zh: '不是可选值（{values}）', en: 'not one of {values}' },
  outside: { zh: '超出范围 {min}–{max}', en: 'outside {min}–{max}' },
  unknownMetric: { zh: '未知指标', en: 'unknown metric' },
  newerVersion: {
    zh: '链接版本比本程序新，按版本 {version} 读取',
    en: 'newer than this app; read as version {version}',
  },
  notRowOf: { zh: '不属于类别“{group}”', en: 'not a row of “{group}”' },
  notRelativePath: { zh: '只允许同源的相对路径', en: 'only a same-origin relative path is allowed' },
  noValidItem: { zh: '没有有效的项', en: 'no valid item' },
  ignoredItem: { zh: '已忽略此项', en: 'ignored item' },
  unknownParam: { zh: '未知参数', en: 'unknown parameter' },
  tooLong: { zh: '过长', en: 'too long' },
  notInteger: { zh: '不是整数', en: 'not an integer' },
  notFlag: { zh: '应为 0 或 1', en: 'not 0 or 1' },
  notVersion: { zh: '不是版本号', en: 'not a version number' },
  notName: { zh: '不是有效的单位或地区名称', en: 'not a unit or region name' },
  notReportId: { zh: '不是有效的年报编号', en: 'not a report id' },
  notUnitId: { zh: '不是有效的单位编号', en: 'not a unit id' },
  unknownUnitName: { zh: '数据中没有此名称的单位', en: 'no unit of this name in the dataset' },
  sharedUnitName: { zh: '有 {n} 个单位同名：分别显示', en: 'held by {n} units: each is shown apart' },
  notCell: { zh: '不是有效的单元格地址', en: 'not a cell address' },
  notRule: { zh: '不是有效的校验规则', en: 'not a check rule' },
  badSort: { zh: '排序方式无效', en: 'not a sort order' },
  badMeasure: { zh: '度量无效', en: 'not a measure' },
  rateSplit: {
    zh: '比率不能按表三行、类别或申请人类型拆分',
    en: 'a rate cannot be split by row, group or applicant',
  },
  linkCut: { zh: '链接过长，只读取前 {n} 个字符', en: 'link cut at {n} characters' },
  alreadyOnRows: { zh: '已在行中使用', en: 'already on rows' },
  needsDimension: { zh: '至少需要一个维度', en: 'needs at least one dimension' },
};

export function localiseReason(lang: Lang, r: Reason): string {
  const vars = { ...r.vars };
  if (
    r.code === 'notRowOf' &&
    typeof vars.group === 'string' &&
    Object.hasOwn(OUTCOME_GROUP_LABELS, vars.group)
  ) {
    vars.group = OUTCOME_GROUP_LABELS[vars.group as keyof typeof OUTCOME_GROUP_LABELS][lang];
  }
  return interpolate(WORDS[r.code][lang], vars);
}
