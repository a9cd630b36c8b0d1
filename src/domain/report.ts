/** The `parse --json` shape of ../shared/spec/report-model.md: one report as printed. */
import type { Format } from './keys';
import type { RegionLevel } from './vocab/modes';

export type { RegionLevel } from './vocab/modes';

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

/** A printed value: a number, or null for blank, "/", "-", "—" (then `raw` keeps what was printed). */
export type Cell = number | null;
export type TableValues = Record<string, Record<string, Cell>>;

export interface CheckFailure {
  /** e.g. `table3.column_balance`, `table3.outcome_sum`, `table3.row_sum`, `table4.group_sum`,
   * `cross_year.carry`, `cross_year.in_force`, `narrative.total`, `incomplete`, `ambiguous_split`. */
  rule: string;
  /** Cell address(es) involved, e.g. `table3.*.total` or `table3.granted.natural_person`. */
  where: string;
  expected: number | null;
  actual: number | null;
  message: string;
  /**
   * `ambiguous_split` on table 二 only: the cuts of the printed run still possible after the
   * report's own evidence (cells in column order). Another year of the same body may decide.
   */
  cuts?: number[][];
}

/**
 * Not a failure: how the parser or the ingest step decided something the printed text left open
 * (rule `table2.split_resolved`: which cut of run-together digits, and the evidence).
 */
export interface ReportNote {
  rule: string;
  where: string;
  message: string;
}

export interface Report {
  unit: string;
  year: number;
  format: Format;
  region: RegionRef | null;
  /** Rows or items the report does not print are absent, not zero. */
  table3: TableValues;
  table4: TableValues;
  table2: TableValues;
  /** `"<table>.<row>.<column>"` → printed text, only for non-numeric printed cells. */
  raw: Record<string, string>;
  checks: CheckFailure[];
  /** Decisions taken on evidence (absent when none); never failures, so not in checks.parquet. */
  notes?: ReportNote[];
  /** `reader`: which path read the file (absent on reports not made by the parser). */
  source: { file: string; sha256: string; reader?: Reader };
}

/**
 * How a report's bytes were read: plain text, an HTML page, a PDF's text layer, DOCX, legacy Word
 * (.doc/.wps), or OCR of page images (a scanned PDF or photos).
 */
export type Reader = 'text' | 'html' | 'pdf' | 'docx' | 'doc' | 'ocr';

/**
 * Where a printed value stands in the extracted document (src/parser/document.ts): line `line`,
 * its cell `cell` (the whole line for text, a grid cell for HTML/DOCX, a text run for PDF) and the
 * character span [start, end) of the printed figure in that cell's text.
 */
export interface CellSource {
  line: number;
  cell: number;
  start: number;
  end: number;
  /** PDFs and scans: the 1-based page and the figure's box on it (see `box`). */
  page?: number;
  /** x0, y0, x1, y1 in points (1/72 in) from the displayed page's top-left corner, y downwards. */
  box?: [number, number, number, number];
  /** A grid row (HTML, DOCX, Word): its table (0-based, in document order) and row within it (0-based). */
  table?: number;
  row?: number;
}
