/**
 * One dropped file → a FileResult the panel shows before anything is added. Runs in the import
 * worker (./worker.ts) and, with Node codecs, in tests. Reports go through the same
 * `parseReport` as the CLI; Parquet and CSV must match a table of the dataset contract.
 * Never throws: every failure is a FileResult naming the file and the problem.
 */

import type { CellRow, CheckRow, RegionRow, ReportRow } from '../dataset/rows';
import type { DatasetTable } from '../db/types';
import { refusal } from '../domain/refusals';
import type { ParseOptions, ParseOutcome, ParseReport } from '../parser/api';
import { MAX_DATASET_BYTES, MAX_REPORT_BYTES, sizeRefusal } from '../parser/limits';
import type { RegionIndex } from '../region/region-index';
import { sha256Hex } from '../util/sha256';
import { distinctText, ipcTable, rowsToIpc, schemaProblems, TABLE_COLUMNS, tableOfColumns } from './arrow';
import { CsvError, csvToRows } from './csv';
import { refuse } from './refuse';
import { importRows, importSource } from './report-rows';
import type { FileResult, ParquetTables } from './types';
import { validateRows } from './validate';

export interface ProcessDeps {
  parseReport: ParseReport;
  /** Several page images as one report (OCR); absent where OCR is not offered. */
  parseImages?: (
    pages: readonly Uint8Array[],
    fileName: string,
    options?: ParseOptions,
  ) => Promise<ParseOutcome>;
  /** The region index for placing units; null places nothing (region columns stay null). */
  regionIndex: () => Promise<RegionIndex | null>;
  parserVersion: string;
  /** Arrow IPC stream → Parquet bytes (parquet-wasm). */
  encodeParquet: (ipc: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** Parquet bytes → Arrow IPC stream; throws on bytes that are not Parquet. */
  decodeParquet: (parquet: Uint8Array) => Uint8Array | Promise<Uint8Array>;
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];

export function isParquet(bytes: Uint8Array): boolean {
  return PAR1.every((b, i) => bytes[i] === b);
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);

export async function processFile(
  fileName: string,
  bytes: Uint8Array,
  deps: ProcessDeps,
  options: ParseOptions = {},
): Promise<FileResult> {
  try {
    const result = await processKind(fileName, bytes, deps, options);
    // The same bytes under another name are the same import (client.ts refuses the second).
    return result.ok ? { ...result, digest: await sha256Hex(bytes) } : result;
  } catch (error) {
    return refuse(fileName, refusal('readFailed', { detail: firstLine(error) }));
  }
}

async function processKind(
  fileName: string,
  bytes: Uint8Array,
  deps: ProcessDeps,
  options: ParseOptions,
): Promise<FileResult> {
  if (/\.parquet$/i.test(fileName) || isParquet(bytes)) return processParquet(fileName, bytes, deps);
  if (/\.csv$/i.test(fileName)) return processCsv(fileName, bytes, deps);
  return processReport(fileName, bytes, deps, options);
}

async function processReport(
  fileName: string,
  bytes: Uint8Array,
  deps: ProcessDeps,
  options: ParseOptions,
): Promise<FileResult> {
  return reportResult(fileName, await deps.parseReport(bytes, fileName, options), deps);
}

/**
 * Page images dropped together (photos of one report's pages) → one report, pages in the order
 * given; named after the first image.
 */
export async function processImageSet(
  name: string,
  blobs: readonly Blob[],
  deps: ProcessDeps,
  options: ParseOptions = {},
): Promise<FileResult> {
  if (!deps.parseImages) return refuse(name, refusal('imagesHere'));
  const total = blobs.reduce((n, b) => n + b.size, 0);
  const tooBig = sizeRefusal(total, MAX_REPORT_BYTES);
  if (tooBig) return refuse(name, tooBig);
  try {
    const pages = await Promise.all(blobs.map(async (b) => new Uint8Array(await b.arrayBuffer())));
    const result = await reportResult(name, await deps.parseImages(pages, name, options), deps);
    if (!result.ok) return result;
    const all = new Uint8Array(total);
    let at = 0;
    for (const p of pages) {
      all.set(p, at);
      at += p.length;
    }
    return { ...result, digest: await sha256Hex(all) };
  } catch (error) {
    return refuse(name, refusal('readFailed', { detail: firstLine(error) }));
  }
}

async function reportResult(fileName: string, outcome: ParseOutcome, deps: ProcessDeps): Promise<FileResult> {
  if (!outcome.ok) return refuse(fileName, outcome.refusal);
  const report = outcome.report;
  if (Object.keys(report.table3).length === 0)
    return refuse(
      fileName,
      report.checks.length === 0
        ? refusal('noFiguresEmpty')
        : refusal('noFigures', { detail: report.checks.map((c) => c.message).join('; ') }),
    );
  const rows = importRows(report, fileName, await deps.regionIndex(), deps.parserVersion, outcome.src);
  const row = rows.reports[0]!;
  return {
    ok: true,
    kind: 'report',
    file: fileName,
    source: importSource(fileName),
    preview: {
      unit: report.unit,
      year: report.year,
      format: report.format,
      region: row.region_name,
      regionLevel: row.region_name ? row.level : null,
      cells: rows.cells.length,
      reader: report.source.reader ?? null,
      checks: report.checks.map((c) => ({
        rule: c.rule,
        location: c.where,
        expected: c.expected,
        actual: c.actual,
        message: c.message,
      })),
    },
    reportIds: [row.report_id],
    tables: await encodeTables(rows, deps),
  };
}

async function encodeTables(
  rows: { reports: ReportRow[]; cells: CellRow[]; checks: CheckRow[]; regions: RegionRow[] },
  deps: ProcessDeps,
): Promise<ParquetTables> {
  const out: ParquetTables = {};
  for (const table of Object.keys(TABLE_COLUMNS) as DatasetTable[]) {
    // An empty checks or regions table is still written: the loader validates every file it gets.
    out[table] = await deps.encodeParquet(rowsToIpc(table, rows[table]));
  }
  return out;
}

async function processParquet(fileName: string, bytes: Uint8Array, deps: ProcessDeps): Promise<FileResult> {
  if (!isParquet(bytes) || bytes.length < 12 || !PAR1.every((b, i) => bytes[bytes.length - 4 + i] === b))
    return refuse(fileName, refusal('notParquet'));
  let ipc: Uint8Array;
  try {
    ipc = await deps.decodeParquet(bytes);
  } catch (error) {
    return refuse(fileName, refusal('corruptParquet', { detail: firstLine(error) }));
  }
  const table = ipcTable(ipc);
  const names = table.schema.fields.map((f) => f.name);
  const hint = fileName.replace(/^.*[\\/]/, '').replace(/\.parquet$/i, '');
  const which = tableOfColumns(names, hint) ?? guessTable(names, hint);
  if (!which) return refuse(fileName, refusal('wrongSchema', { columns: names.slice(0, 12).join(', ') }));
  const problems = schemaProblems(which, table.schema);
  if (problems.length > 0)
    return refuse(fileName, refusal('wrongSchemaFor', { table: which, detail: problems.join('; ') }));
  const vectors = new Map(TABLE_COLUMNS[which].map(([c]) => [c, table.getChild(c)]));
  const invalid = validateRows(
    which,
    table.numRows,
    (i, c) => vectors.get(c)?.get(i) ?? null,
    (i) => `row ${i + 1}`,
  );
  if (invalid) return refuse(fileName, invalid);
  const ids = which === 'regions' ? [] : distinctText(table, 'report_id');
  return {
    ok: true,
    kind: 'dataset',
    file: fileName,
    source: importSource(fileName),
    preview: { table: which, rows: table.numRows, reports: ids.length },
    reportIds: ids,
    tables: { [which]: bytes },
  };
}

/** A table named by the file (cells.parquet) even when its columns are wrong, for a precise message. */
function guessTable(names: readonly string[], hint: string): DatasetTable | null {
  if (hint in TABLE_COLUMNS) return hint as DatasetTable;
  let best: DatasetTable | null = null;
  let bestHits = 1;
  for (const [t, cols] of Object.entries(TABLE_COLUMNS) as [
    DatasetTable,
    readonly (readonly [string, string])[],
  ][]) {
    const hits = cols.filter(([c]) => names.includes(c)).length;
    if (hits > bestHits) {
      best = t;
      bestHits = hits;
    }
  }
  return best;
}

async function processCsv(fileName: string, bytes: Uint8Array, deps: ProcessDeps): Promise<FileResult> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(fileName, refusal('csvNotUtf8'));
  }
  let parsed: ReturnType<typeof csvToRows>;
  try {
    parsed = csvToRows(text, fileName);
  } catch (error) {
    if (error instanceof CsvError) return refuse(fileName, refusal('csv', { detail: error.message }));
    throw error;
  }
  const rows = parsed.rows;
  const invalid = validateRows(
    parsed.table,
    rows.length,
    (i, c) => rows[i]![c] ?? null,
    (i) => `line ${i + 2}`,
  );
  if (invalid) return refuse(fileName, invalid);
  const ids =
    parsed.table === 'regions'
      ? []
      : [...new Set(parsed.rows.map((r) => String(r.report_id ?? '')))].filter(Boolean);
  return {
    ok: true,
    kind: 'dataset',
    file: fileName,
    source: importSource(fileName),
    preview: { table: parsed.table, rows: parsed.rows.length, reports: ids.length },
    reportIds: ids,
    tables: { [parsed.table]: await deps.encodeParquet(rowsToIpc(parsed.table, parsed.rows)) },
  };
}

/**
 * A `File` or `Blob` → FileResult. The size is checked before a byte is read, so a 100 MB
 * mistake costs nothing; otherwise the bytes are read once.
 */
export async function processBlob(
  fileName: string,
  blob: Blob,
  deps: ProcessDeps,
  options: ParseOptions = {},
): Promise<FileResult> {
  const dataset = /\.(parquet|csv)$/i.test(fileName);
  const tooBig = sizeRefusal(blob.size, dataset ? MAX_DATASET_BYTES : MAX_REPORT_BYTES);
  if (tooBig) return refuse(fileName, tooBig);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch (error) {
    return refuse(fileName, refusal('readFailed', { detail: firstLine(error) }));
  }
  return processFile(fileName, bytes, deps, options);
}
