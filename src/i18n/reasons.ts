/**
 * Chinese wording of the URL codec's notice reasons (src/state/url). The codec stays free of
 * i18n and speaks English; this table translates its fixed phrases, keeping any detail ($1…).
 * An unknown reason is shown as it is.
 */
import type { Lang } from '../state';

const ZH: readonly (readonly [RegExp, string])[] = [
  [/^not one of (.*)$/, '不是可选值（$1）'],
  [/^outside (.*)$/, '超出范围 $1'],
  [/^unknown metric.*$/, '未知指标'],
  [/^newer than (\d+); read as (\d+)$/, '链接版本比本程序新，按版本 $2 读取'],
  [/^not a row of (.*)$/, '不属于类别 $1'],
  [/^only a same-origin relative path is allowed$/, '只允许同源的相对路径'],
  [/^no valid (item|filter)$/, '没有有效的项'],
  [/^ignored item$/, '已忽略此项'],
  [/^unknown parameter$/, '未知参数'],
  [/^too long$/, '过长'],
  [/^not an integer$/, '不是整数'],
  [/^not 0 or 1$/, '应为 0 或 1'],
  [/^not a version number$/, '不是版本号'],
  [/^not a unit or region name$/, '不是有效的单位或地区名称'],
  [/^not a report id$/, '不是有效的年报编号'],
  [/^not a unit id$/, '不是有效的单位编号'],
  [/^no unit of this name in the dataset$/, '数据中没有此名称的单位'],
  [/^this name is held by (\d+) units: each is shown$/, '有 $1 个单位同名：分别显示'],
  [/^not a check rule id$/, '不是有效的校验规则'],
  [/^not label\|value \. asc\|desc$/, '排序方式无效'],
  [/^not sum, share.*$/, '度量无效'],
  [/^a rate cannot split by row, group or applicant$/, '比率不能按表三行、类别或申请人类型拆分'],
  [/^link cut at (\d+) characters$/, '链接过长，只读取前 $1 个字符'],
  [/^already on rows$/, '已在行中使用'],
  [/^needs at least one dimension$/, '至少需要一个维度'],
];

export function localiseReason(lang: Lang, reason: string): string {
  if (lang !== 'zh') return reason;
  for (const [re, zh] of ZH) if (re.test(reason)) return reason.replace(re, zh);
  return reason;
}
