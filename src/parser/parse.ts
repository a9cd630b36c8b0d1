/**
 * `parseReport(bytes, fileName)`: bytes → ExtractedDocument (src/parser/extract/) → tables
 * 二/三/四 (src/parser/tables/) → consistency checks (src/domain/checks/). Deterministic, no
 * network, no node: imports (it runs in the browser too).
 */

import { checkReport } from '../domain/checks';
import type { Format } from '../domain/keys';
import { type Refusal, refusal } from '../domain/refusals';
import type { CellSource, CheckFailure, Report, TableValues } from '../domain/report';
import { sha256Hex } from '../util/sha256';
import { type ParseOptions, type ParseOutcome, refused } from './api';
import { type ExtractedDocument, NotAReportError } from './document';
import { extractDocument } from './extract';
import { matchTable3Label } from './labels';
import { detectUnit, detectYear } from './meta';
import { ocrChecks } from './ocr-checks';
import { findSections } from './tables/sections';
import { readTable2, table2Format } from './tables/table2';
import { hasThreeRowOther, readTable3 } from './tables/table3';
import { readTable4 } from './tables/table4';
import { type Token, tokenizeDocument } from './tables/tokens';

// Crawler metadata lines ("标题: …", "发布时间: …") and separators say nothing about the report.
const METADATA_LINE =
  /^\s*(?:标题|发布时间|文号|发布机构|栏目|原文链接|本地目录|来源|页面链接)[:：]|^\s*=+[^=]*=+\s*$/;

/**
 * Why a document without table 三 is not read, in words its owner can act on: a report for a
 * year before the 2019 national format, a page that holds nothing but its title, or no table 三.
 */
function whyNoTable3(text: string, year: number | null): Refusal {
  if (year !== null && year < 2019) return refusal('pre2019', { year });
  const body = text
    .split('\n')
    .filter((l) => !METADATA_LINE.test(l))
    .join('')
    .replace(/\s+/g, '');
  const title = /^.{0,80}?(?:政府)?信息公开(?:工作)?(?:年度)?报告/.exec(body)?.[0] ?? '';
  // What follows the title: page chrome at most, not one sentence of a report.
  const rest = body.slice(title.length).replace(/[^\u4e00-\u9fff]/g, '');
  if (title !== '' && rest.length < 8) return refusal('titleOnly');
  return refusal('noTable3');
}

export async function parseReport(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParseOutcome> {
  let doc: ExtractedDocument;
  try {
    doc = await extractDocument(bytes, fileName, options);
  } catch (e) {
    return refused(
      fileName,
      e instanceof NotAReportError
        ? e.refusal
        : refusal('documentUnreadable', { detail: (e as Error).message }),
    );
  }
  return parseDocument(doc, fileName, await sha256Hex(bytes));
}

/**
 * Several page images (photos or scans of one report, in page order) → one report, read by OCR.
 * The report's digest is of the pages' bytes in order.
 */
export async function parseImages(
  pages: readonly Uint8Array[],
  fileName: string,
  options: ParseOptions = {},
): Promise<ParseOutcome> {
  let doc: ExtractedDocument;
  try {
    const { ocrImages } = await import('./ocr/images');
    doc = await ocrImages(pages, options);
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return refused(
      fileName,
      e instanceof Error && e.name === 'OcrCancelled'
        ? refusal('cancelled')
        : refusal('imagesUnreadable', { detail: message }),
    );
  }
  const all = new Uint8Array(pages.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pages) {
    all.set(p, at);
    at += p.length;
  }
  return parseDocument(doc, fileName, await sha256Hex(all));
}

function hasNumbers(t: TableValues): boolean {
  return Object.values(t).some((rec) => Object.values(rec).some((v) => typeof v === 'number'));
}

function mentionsSingleOther(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && matchTable3Label(t.text) === 'other_single') return true;
  }
  return false;
}

/** The table logic and checks on an already extracted document (synchronous; used by tests and the bench). */
export function parseDocument(doc: ExtractedDocument, fileName: string, sha256 = ''): ParseOutcome {
  const tokens = tokenizeDocument(doc);
  const sections = findSections(tokens);
  const year = detectYear(doc.text, fileName);
  if (!sections.table3) return refused(fileName, whyNoTable3(doc.text, year));
  const [t3From, t3To] = sections.table3;
  const unit = detectUnit(doc.text, fileName);

  const threeRow = hasThreeRowOther(tokens, t3From, t3To);
  const t2Format = sections.table2 ? table2Format(tokens, sections.table2[0], sections.table2[1]) : null;
  const format: Format = t2Format ?? (threeRow || (year !== null && year >= 2021) ? '2021' : '2019');
  // A 2021 report may still print （六）其他处理 as one row (the hybrid): then it is other_single.
  const threeRowOther = threeRow || (format === '2021' && !mentionsSingleOther(tokens, t3From, t3To));

  const t3 = readTable3(tokens, t3From, t3To, threeRowOther);
  const t4 = sections.table4
    ? readTable4(tokens, sections.table4[0], sections.table4[1])
    : { values: {}, raw: {}, checks: [], src: {} };
  const t2 = sections.table2
    ? readTable2(tokens, sections.table2[0], sections.table2[1], format, doc.text)
    : { values: {}, raw: {}, checks: [], notes: [] };

  const checks: CheckFailure[] = [];
  // raw holds blank-marker text ("/", "-", "—"); a null cell without a raw entry was printed empty.
  const raw: Record<string, string> = {};
  let table3 = t3.values;
  let table4 = t4.values;
  let table2 = t2.values;
  if (!t3.hasNumbers) {
    // A blank template or a page with the labels only: no figures, and no invented zeros.
    table3 = {};
    checks.push({
      rule: 'no_figures',
      where: 'table3',
      expected: null,
      actual: null,
      message: '表三没有填写任何数字 / table 三 has no figures filled in',
    });
  } else {
    Object.assign(raw, t3.raw);
    if (t3.missing.length > 0) {
      checks.push({
        rule: 'incomplete',
        where: 'table3',
        expected: t3.expectedRows,
        actual: t3.expectedRows - t3.missing.length,
        message: `表三不完整, 缺少: ${t3.missing.join(', ')} / table 三 is incomplete`,
      });
    }
  }
  if (hasNumbers(table4)) Object.assign(raw, t4.raw);
  else table4 = {};
  if (hasNumbers(table2)) Object.assign(raw, t2.raw);
  else table2 = {};
  if (t3.hasNumbers && t3.missing.length === 0 && Object.keys(table4).length === 0) {
    checks.push({
      rule: 'incomplete',
      where: 'table4',
      expected: null,
      actual: null,
      message: '未找到表四 (行政复议、行政诉讼) 的数字 / no figures found for table 四',
    });
  }
  checks.push(...t3.checks, ...t4.checks, ...t2.checks);
  if (doc.kind === 'ocr') checks.push(...ocrChecks([...(t3.hasNumbers ? t3.ocr : []), ...(t4.ocr ?? [])]));
  checks.push(...checkReport({ table3, table4 }, doc.text));

  const report: Report = {
    unit,
    year: year ?? 0,
    format,
    region: null,
    table3,
    table4,
    table2,
    raw,
    checks,
    ...(t2.notes.length > 0 ? { notes: t2.notes } : {}),
    source: { file: fileName, sha256, reader: doc.kind },
  };
  // Provenance of the cells kept (a table dropped for having no figures takes its places with it).
  const src = { ...(t3.hasNumbers ? t3.src : {}), ...(Object.keys(table4).length > 0 ? t4.src : {}) };
  return { ok: true, report, src: placeSources(doc, src) };
}

/**
 * Each place in the extracted document, also as a place in the original: the page and box of a
 * PDF figure (its span of the run's box, by character share: figures are set in one font), the
 * table and row of a grid line.
 */
function placeSources(doc: ExtractedDocument, src: Record<string, CellSource>): Record<string, CellSource> {
  const rowInTable = new Map<number, number>();
  const seen = new Map<number, number>();
  doc.lines.forEach((line, i) => {
    if (line.origin !== 'table' || line.table === undefined || line.page !== undefined) return;
    const n = seen.get(line.table) ?? 0;
    rowInTable.set(i, n);
    seen.set(line.table, n + 1);
  });
  const out: Record<string, CellSource> = Object.create(null);
  for (const [key, s] of Object.entries(src)) {
    const line = doc.lines[s.line];
    const placed: CellSource = { ...s };
    if (line?.page !== undefined) placed.page = line.page;
    const box = line?.boxes?.[s.cell];
    if (box) {
      const length = line.cells[s.cell]?.length ?? 0;
      const w = box[2] - box[0];
      const at = (k: number) => Math.round((box[0] + (length > 0 ? (w * k) / length : 0)) * 100) / 100;
      const whole = s.start === 0 && s.end >= length;
      placed.box = whole ? box : [at(s.start), box[1], at(s.end), box[3]];
    }
    const row = rowInTable.get(s.line);
    if (row !== undefined && line?.table !== undefined) {
      placed.table = line.table;
      placed.row = row;
    }
    out[key] = placed;
  }
  return out;
}
