/**
 * Why a file was refused, as a code and its parameters: the parser, the CLI and the browser's
 * import pipeline all refuse with these. The CLI (and `parse --json`'s `reason`) prints the
 * English wording below; the UI words the same code in its language (src/i18n/refusals.ts, where
 * every code must have both). Parameters are data (file names, figures, a library's message),
 * shown as they are.
 */

/** English wordings, `{name}` for a parameter. The CLI's messages: keep them stable. */
export const REFUSAL_EN = {
  // what the bytes are (src/parser/extract/sniff.ts)
  empty: 'empty file',
  whitespace: 'empty file (only whitespace)',
  ofd: 'OFD document (版式文件) is not supported: open it in an OFD reader and save it as PDF',
  zipNotDocx: 'ZIP archive that is not a DOCX report (no word/document.xml)',
  oleTruncated: 'damaged legacy Word/Excel (OLE) file (truncated header)',
  gif: 'GIF image, not a report',
  gzip: 'gzip archive, not a report',
  rar: 'RAR archive, not a report',
  sevenZip: '7z archive, not a report',
  rtf: 'RTF document: save it as DOCX',
  binary: 'binary data, not a text, HTML, PDF, DOC or DOCX report',
  undecodable: 'undecodable text (binary data, not a text, HTML, PDF, DOC or DOCX report)',
  // bounds (src/parser/extract/limits.ts, src/parser/limits.ts)
  gridSlots: 'over the limit of {limit} table grid cells (rowspan/colspan would expand past it); not read',
  depth: 'HTML nests elements deeper than the limit of {limit}; not read',
  zipEntry: 'DOCX part {name} inflates past the limit of {limit} (a zip bomb?); not read',
  zipTotal: 'DOCX inflates past the limit of {limit} in total (a zip bomb?); not read',
  zipEntries: 'DOCX has {n} parts, over the limit of {limit}; not read',
  pdfPages: 'PDF has {n} pages, over the limit of {limit}; not read',
  ocrPages: 'scanned PDF has {n} pages, over the OCR limit of {limit}; not read',
  imageCount: '{n} images, over the limit of {limit}',
  imageSize: 'image is {w}×{h} pixels, over the limit of {limit} megapixels; not read',
  time: 'parsing took longer than the limit of {limit} s; stopped',
  memory: 'parsing needed more than the memory limit of {limit} MB; stopped',
  tooLarge: 'too large to be a report ({size}; the limit is {limit}); not read',
  // readers
  unreadable: '{kind} could not be read ({detail})',
  wordUnreadable: 'Word file could not be read ({detail})',
  cancelled: 'cancelled: OCR stopped before the last page',
  pdfNoText: 'PDF has no text layer and no page images to read (blank?)',
  pdfMemory: 'PDF too large for the PDF engine’s memory',
  pdfPassword: 'PDF is password-protected',
  pdfSecurity: 'PDF uses an unsupported security handler',
  pdfDamaged: 'damaged or truncated PDF',
  pdfOpen: 'PDF could not be opened (PDFium error {code})',
  pdfOcrOpen: 'PDF could not be opened for OCR',
  pdfPage: 'PDF page {page} could not be read',
  oleDamaged: 'damaged OLE (Word/Excel) file ({detail})',
  xls: 'Excel workbook (.xls), not a Word report',
  ppt: 'PowerPoint file (.ppt), not a report',
  works: 'Microsoft Works (.wps) file: save it as DOC or DOCX',
  officePassword: 'password-protected Office file',
  oleNoWord: 'OLE file without a Word document stream, not a report',
  notWord: 'not a Word 97–2003 document (no Word header)',
  wordPassword: 'Word file is password-protected',
  wordNoTable: 'Word file has no table stream',
  wordTextRange: 'Word text length out of range',
  wordDamaged: 'damaged Word file ({part})',
  imagesUnreadable: 'page images could not be read ({detail})',
  documentUnreadable: 'cannot read the document: {detail}',
  parserError: 'parser error: {detail}',
  // what the text holds (src/parser/parse.ts)
  noTable3: 'no table 三 (收到和处理政府信息公开申请情况) found',
  pre2019:
    '{year} 年度报告早于国家格式: 2019 年以前的旧版统计表, 不是国办公开办函〔2019〕60号 / 〔2021〕30号 的格式, 没有表三 / a report for {year}: pre-2019 statistics, not the national format, no table 三 to read',
  titleOnly:
    '页面只有标题, 没有正文和表格 (报告可能以图片或附件发布) / the page holds only a title, no text and no tables (the report was probably posted as an image or attachment)',
  // the browser's import (src/import)
  importFailed: 'import failed ({detail})',
  readFailed: 'could not be read ({detail})',
  imagesHere: 'page images cannot be read here',
  noFigures: 'no figures to add: {detail}',
  noFiguresEmpty: 'no figures to add: table 三 is empty',
  notParquet: 'not a Parquet file (no PAR1 marker at its start and end; truncated?)',
  corruptParquet: 'corrupt Parquet file ({detail})',
  wrongSchema:
    'wrong schema: the columns ({columns}) match no table of the dataset contract (reports, cells, checks, regions)',
  wrongSchemaFor: 'wrong schema for {table}: {detail}',
  invalidRow: '1 invalid row in {table}: {detail}',
  invalidRows: '{n} invalid rows in {table}: {detail}',
  csvNotUtf8: 'CSV is not UTF-8 text',
  csv: 'CSV: {detail}',
  sameFile: 'the same file as {file}, already imported',
  alreadyInData:
    '{n} report(s) already in the data (source: {source}); an import cannot replace or remove them',
  workerStopped: 'import worker stopped ({detail})',
  workerStoppedOther:
    'import worker stopped: another file ({file}) ran past the time limit; add this one again',
  savedNotLoaded: '{files}: saved import(s) not loaded',
  savedUnreadable: 'saved imports could not be read ({detail})',
  notKept: '{file}: added, but not kept for the next visit ({detail})',
  engine: '{detail}',
} as const;

export type RefusalCode = keyof typeof REFUSAL_EN;
export const REFUSAL_CODES = Object.keys(REFUSAL_EN) as RefusalCode[];

export type RefusalParams = Readonly<Record<string, string | number>>;

export interface Refusal {
  code: RefusalCode;
  params: RefusalParams;
}

export const refusal = (code: RefusalCode, params: RefusalParams = {}): Refusal => ({ code, params });

export const isRefusalCode = (s: string): s is RefusalCode => Object.hasOwn(REFUSAL_EN, s);

/** `{name}` placeholders of `template` filled from `params` (an unknown name stays as written). */
export function fillTemplate(template: string, params: RefusalParams): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : m,
  );
}

/** A refusal in English: what the CLI prints and `reason` carries. */
export const refusalText = (r: Refusal): string => fillTemplate(REFUSAL_EN[r.code], r.params);

/** A library's or engine's message as a one-line parameter. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
