/** The import panel's words in both languages (kept here so the panel is one self-contained module). */
import type { Lang } from '../../state';

const ZH = {
  title: '导入年报或数据集',
  hint: '把年报（PDF、HTML、TXT、DOCX、DOC/WPS）或数据集（Parquet、CSV，数据契约格式）拖到这里，或',
  choose: '选择文件',
  local: '文件只在本机浏览器中解析，不会上传。',
  parsing: '解析中…',
  add: '加入对比',
  addAll: '全部加入',
  dismiss: '移除',
  added: '已导入',
  remove: '删除导入',
  failed: '无法导入',
  checks: '未通过的校验',
  noChecks: '校验全部通过',
  region: '地区',
  unplaced: '未能定位地区',
  already: '已在数据中（来源：{source}）',
  rows: '{table} 表 {rows} 行，{reports} 份年报',
  cells: '{cells} 个单元格',
  quarantined: '未能载入的已保存导入',
  reader_text: '读取方式：文本',
  reader_html: '读取方式：网页',
  reader_pdf: '读取方式：PDF 文字层',
  reader_docx: '读取方式：DOCX',
  reader_doc: '读取方式：Word 97–2003/WPS',
  reader_ocr: '读取方式：OCR 识别（请核对）',
  ocrPages: 'OCR 识别第 {page}/{pages} 页',
  cancel: '取消',
} as const;

export type ImportKey = keyof typeof ZH;

const EN: Record<ImportKey, string> = {
  title: 'Import reports or a dataset',
  hint: 'Drop reports (PDF, HTML, TXT, DOCX, DOC/WPS) or a dataset (Parquet, CSV in the contract’s shape) here, or',
  choose: 'choose files',
  local: 'Files are parsed in this browser only; nothing is uploaded.',
  parsing: 'parsing…',
  add: 'Add to the data',
  addAll: 'Add all',
  dismiss: 'Dismiss',
  added: 'Imported',
  remove: 'Remove import',
  failed: 'Cannot import',
  checks: 'Failed checks',
  noChecks: 'All checks pass',
  region: 'Region',
  unplaced: 'region not found',
  already: 'already in the data (source: {source})',
  rows: '{table}: {rows} rows, {reports} reports',
  cells: '{cells} cells',
  quarantined: 'Saved imports that did not load',
  reader_text: 'read as text',
  reader_html: 'read as a web page',
  reader_pdf: 'read from the PDF text layer',
  reader_docx: 'read as DOCX',
  reader_doc: 'read as Word 97–2003/WPS',
  reader_ocr: 'read by OCR (please check)',
  ocrPages: 'OCR: page {page} of {pages}',
  cancel: 'Cancel',
};

export function importText(lang: Lang, key: ImportKey, vars: Record<string, string | number> = {}): string {
  const s: string = (lang === 'zh' ? ZH : EN)[key];
  return s.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ''));
}
