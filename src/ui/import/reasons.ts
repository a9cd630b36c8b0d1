/**
 * The import pipeline's refusals (parser bounds, validation, collisions) come in English, the
 * CLI's language; in the Chinese UI their fixed phrases are shown in Chinese, keeping the file
 * names, numbers and row details. An unknown reason is shown as it is.
 */
import type { Lang } from '../../state';

const ZH: readonly (readonly [RegExp, string])[] = [
  [
    /over the limit of ([\d,]+) table grid cells \(rowspan\/colspan would expand past it\); not read/,
    '表格网格单元格超过上限 $1 个（rowspan/colspan 展开过多），未读取',
  ],
  [/HTML nests elements deeper than the limit of ([\d,]+); not read/, 'HTML 元素嵌套超过上限 $1 层，未读取'],
  [
    /DOCX part (.+?) inflates past the limit of (\d+) MB \(a zip bomb\?\); not read/,
    'DOCX 部件 $1 解压后超过上限 $2 MB（疑似压缩炸弹），未读取',
  ],
  [
    /DOCX inflates past the limit of (\d+) MB in total \(a zip bomb\?\); not read/,
    'DOCX 解压后总计超过上限 $1 MB（疑似压缩炸弹），未读取',
  ],
  [/PDF has ([\d,]+) pages, over the limit of ([\d,]+); not read/, 'PDF 共 $1 页，超过上限 $2 页，未读取'],
  [/parsing took longer than the limit of (\d+) s; stopped/, '解析超过时间上限 $1 秒，已停止'],
  [
    /too large to be a report \(([\d.]+) MB; the limit is ([\d.]+) MB\); not read/,
    '文件过大（$1 MB，上限 $2 MB），未读取',
  ],
  [/(\d+) invalid rows? in (\w+): /, '$2 表中有 $1 行无效：'],
  [/the same file as (.+), already imported/, '与已导入的 $1 是同一文件'],
  [
    /(\d+) report\(s\) already in the data \(source: (.+)\); an import cannot replace or remove them/,
    '$1 份年报已在数据中（来源：$2），导入不能替换或删除它们',
  ],
  [/saved import\(s\) not loaded/, '已保存的导入未能载入'],
  [/added, but not kept for the next visit/, '已加入，但未保存，下次访问时不会恢复'],
  [/import worker stopped/, '导入进程已停止'],
];

export function localiseImportReason(lang: Lang, reason: string): string {
  if (lang !== 'zh') return reason;
  let out = reason;
  for (const [re, zh] of ZH) out = out.replace(re, zh);
  return out;
}
