/**
 * Why a file was refused (src/domain/refusals.ts), worded in the UI language. Every code has both
 * wordings (a missing one is a compile error); the English is the CLI's, except where that mixes
 * in Chinese. Parameters (file names, figures, a library's message) are shown as they are.
 */
import { fillTemplate, REFUSAL_EN, type Refusal, type RefusalCode } from '../domain/refusals';
import type { Lang } from '../state';

const ZH: Record<RefusalCode, string> = {
  empty: '空文件',
  whitespace: '空文件（只有空白）',
  ofd: '不支持 OFD 版式文件：请用 OFD 阅读器打开并另存为 PDF',
  zipNotDocx: 'ZIP 压缩包，不是 DOCX 年报（没有 word/document.xml）',
  oleTruncated: '损坏的旧版 Word/Excel（OLE）文件（文件头不完整）',
  gif: 'GIF 图片，不是年报',
  gzip: 'gzip 压缩包，不是年报',
  rar: 'RAR 压缩包，不是年报',
  sevenZip: '7z 压缩包，不是年报',
  rtf: 'RTF 文档：请另存为 DOCX',
  binary: '二进制数据，不是文本、HTML、PDF、DOC 或 DOCX 年报',
  undecodable: '无法解码的文本（二进制数据，不是文本、HTML、PDF、DOC 或 DOCX 年报）',
  gridSlots: '表格网格单元格超过上限 {limit} 个（rowspan/colspan 展开过多），未读取',
  depth: 'HTML 元素嵌套超过上限 {limit} 层，未读取',
  zipEntry: 'DOCX 部件 {name} 解压后超过上限 {limit}（疑似压缩炸弹），未读取',
  zipTotal: 'DOCX 解压后总计超过上限 {limit}（疑似压缩炸弹），未读取',
  zipEntries: 'DOCX 有 {n} 个部件，超过上限 {limit} 个，未读取',
  pdfPages: 'PDF 共 {n} 页，超过上限 {limit} 页，未读取',
  ocrPages: '扫描 PDF 共 {n} 页，超过 OCR 上限 {limit} 页，未读取',
  imageCount: '共 {n} 张图片，超过上限 {limit} 张',
  imageSize: '图片为 {w}×{h} 像素，超过上限 {limit} 百万像素，未读取',
  time: '解析超过时间上限 {limit} 秒，已停止',
  memory: '解析所需内存超过上限 {limit} MB，已停止',
  tooLarge: '文件过大（{size}，上限 {limit}），未读取',
  unreadable: '{kind} 文件无法读取（{detail}）',
  wordUnreadable: 'Word 文件无法读取（{detail}）',
  cancelled: '已取消：OCR 在最后一页之前停止',
  pdfNoText: 'PDF 没有文字层，也没有可识别的页面图像（空白？）',
  pdfMemory: 'PDF 过大，超出 PDF 引擎的内存',
  pdfPassword: 'PDF 有密码保护',
  pdfSecurity: 'PDF 使用了不支持的加密方式',
  pdfDamaged: 'PDF 已损坏或不完整',
  pdfOpen: 'PDF 无法打开（PDFium 错误 {code}）',
  pdfOcrOpen: 'PDF 无法打开以进行 OCR',
  pdfPage: 'PDF 第 {page} 页无法读取',
  oleDamaged: '损坏的 OLE（Word/Excel）文件（{detail}）',
  xls: 'Excel 工作簿（.xls），不是 Word 年报',
  ppt: 'PowerPoint 文件（.ppt），不是年报',
  works: 'Microsoft Works（.wps）文件：请另存为 DOC 或 DOCX',
  officePassword: 'Office 文件有密码保护',
  oleNoWord: 'OLE 文件中没有 Word 文档，不是年报',
  notWord: '不是 Word 97–2003 文档（没有 Word 文件头）',
  wordPassword: 'Word 文件有密码保护',
  wordNoTable: 'Word 文件缺少表流',
  wordTextRange: 'Word 文本长度超出范围',
  wordDamaged: 'Word 文件已损坏（{part}）',
  imagesUnreadable: '页面图片无法读取（{detail}）',
  documentUnreadable: '无法读取文档：{detail}',
  parserError: '解析出错：{detail}',
  noTable3: '未找到表三（收到和处理政府信息公开申请情况）',
  pre2019:
    '{year} 年度报告早于国家统一格式：2019 年以前的旧版统计表，不是国办公开办函〔2019〕60号 / 〔2021〕30号 规定的格式，没有表三',
  titleOnly: '页面只有标题，没有正文和表格（报告可能以图片或附件发布）',
  importFailed: '导入失败（{detail}）',
  readFailed: '无法读取（{detail}）',
  imagesHere: '此处无法读取页面图片',
  noFigures: '没有可加入的数字：{detail}',
  noFiguresEmpty: '没有可加入的数字：表三为空',
  notParquet: '不是 Parquet 文件（首尾没有 PAR1 标记；文件不完整？）',
  corruptParquet: 'Parquet 文件已损坏（{detail}）',
  wrongSchema: '结构不符：这些列（{columns}）与数据集约定的任何表（reports、cells、checks、regions）都不对应',
  wrongSchemaFor: '{table} 表结构不符：{detail}',
  invalidRow: '{table} 表中有 1 行无效：{detail}',
  invalidRows: '{table} 表中有 {n} 行无效：{detail}',
  csvNotUtf8: 'CSV 不是 UTF-8 文本',
  csv: 'CSV 文件有误：{detail}',
  sameFile: '与已导入的 {file} 是同一文件',
  alreadyInData: '{n} 份年报已在数据中（来源：{source}），导入不能替换或删除它们',
  workerStopped: '导入进程已停止（{detail}）',
  workerStoppedOther: '导入进程已停止：另一个文件（{file}）超过时间上限；请重新添加此文件',
  savedNotLoaded: '{files}：已保存的导入未能载入',
  savedUnreadable: '无法读取已保存的导入（{detail}）',
  notKept: '{file}：已加入，但未保存，下次访问时不会恢复（{detail}）',
  engine: '{detail}',
};

/** The CLI's English, where it is not Chinese and English at once. */
const EN: Record<RefusalCode, string> = {
  ...REFUSAL_EN,
  ofd: 'OFD document is not supported: open it in an OFD reader and save it as PDF',
  noTable3: 'no table 3 (requests received and handled) found',
  pre2019:
    'a report for {year}: pre-2019 statistics, not the national format (notices 〔2019〕60 / 〔2021〕30), no table 3 to read',
  titleOnly:
    'the page holds only a title, no text and no tables (the report was probably posted as an image or attachment)',
  noFiguresEmpty: 'no figures to add: table 3 is empty',
};

export const REFUSAL_WORDS: Record<Lang, Record<RefusalCode, string>> = { zh: ZH, en: EN };

/** A refusal in `lang`; a code this build does not know (a stored import of another version) as English text. */
export function refusalMessage(lang: Lang, r: Refusal): string {
  const words = REFUSAL_WORDS[lang];
  const template = Object.hasOwn(words, r.code)
    ? words[r.code]
    : Object.hasOwn(REFUSAL_EN, r.code)
      ? REFUSAL_EN[r.code]
      : '{detail}';
  return fillTemplate(template, r.params ?? {});
}
