/**
 * A report reduced to lines of cells, whatever its container. The extractors
 * (src/parser/extract/: text, HTML, PDF, DOCX, legacy Word, OCR of scans) produce it; the table logic
 * (src/parser/tables/) reads only this, so one set of layout rules serves every format.
 */
import { type Refusal, refusalText } from '../domain/refusals';
import type { Reader } from '../domain/report';

export type DocKind = Reader;

export interface DocLine {
  /**
   * For `text` documents: the whole line as one cell (splitting a text line into cells is
   * the table logic's job, since tabs, pipes, spaces and run-together digits all occur).
   * For html/docx: one cell per grid column of a <tr>, rowspan/colspan expanded.
   * For pdf: one cell per text run, ordered by x, runs on the same baseline forming one line.
   */
  cells: string[];
  /** 'table' when the line is a real table row (html/docx/pdf grid), 'text' otherwise. */
  origin: 'text' | 'table';
  /** Table index within the document for origin 'table'; page number for pdf. */
  table?: number;
  page?: number;
  /** For OCR'd table rows: per cell, how sure the recogniser was and where the cell is. */
  ocr?: (OcrCell | null)[];
  /**
   * For pdf and OCR'd pdf lines: per cell, its box on `page` in points (1/72 inch) from the
   * displayed page's top-left corner, y downwards: x0, y0, x1, y1. Null where unknown.
   */
  boxes?: (Box | null)[];
}

/** x0, y0, x1, y1. */
export type Box = [number, number, number, number];

/** A table cell read by OCR: the recogniser's confidence (lowest character probability) and its place. */
export interface OcrCell {
  confidence: number;
  /** 1-based page number. */
  page: number;
  /** Cell box in page pixels: x0, y0, x1, y1. */
  box: [number, number, number, number];
  /** Why the reading is doubtful (low confidence, a look-alike read as a digit…); absent when sure. */
  uncertain?: string;
}

export interface ExtractedDocument {
  kind: DocKind;
  /** NFKC-normalised lines in reading order. */
  lines: DocLine[];
  /** NFKC-normalised plain text of the whole document (title, prose, narrative totals). */
  text: string;
}

/** Thrown (or returned) when a file cannot be read as a report at all: why, as a code (src/domain/refusals.ts). */
export class NotAReportError extends Error {
  /** The refusal in English (the CLI's wording). */
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly refusal: Refusal,
  ) {
    const reason = refusalText(refusal);
    super(`${file}: ${reason}`);
    this.reason = reason;
    this.name = 'NotAReportError';
  }
}
