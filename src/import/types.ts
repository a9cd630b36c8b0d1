/** What the import pipeline tells the panel about one file, and what it keeps of it. */

import type { DatasetTable } from '../db/types';
import type { Format } from '../domain/keys';
import type { Refusal } from '../domain/refusals';
import type { Reader } from '../domain/report';

export interface CheckSummary {
  rule: string;
  /** Absent in imports stored before it was kept. */
  location?: string;
  expected?: number | null;
  actual?: number | null;
  message: string;
}

/** A parsed report as the panel shows it before the user adds it. */
export interface ReportPreview {
  unit: string;
  year: number;
  format: Format;
  /** Region name when the unit was placed, else null. */
  region: string | null;
  /** Its level (province … township); absent in imports stored before it was kept. */
  regionLevel?: string | null;
  /** Printed cells kept (numbers and blank markers). */
  cells: number;
  /** Which path read the file (text, html, pdf, docx, doc, ocr); null in imports stored before it existed. */
  reader?: Reader | null;
  checks: CheckSummary[];
}

/** A contract file (or CSV in its shape) as the panel shows it. */
export interface DatasetPreview {
  table: DatasetTable;
  rows: number;
  /** Distinct report_id values (reports, cells and checks tables). */
  reports: number;
}

/** The four contract tables as Parquet bytes; any subset. */
export type ParquetTables = Partial<Record<DatasetTable, Uint8Array>>;

export type FileResult =
  | {
      ok: true;
      kind: 'report';
      file: string;
      /** Where the bytes came from: 'imported:<file name>' (reports.source). */
      source: string;
      preview: ReportPreview;
      reportIds: string[];
      tables: ParquetTables;
      /** sha256 of the file's bytes: the same bytes under another name are the same import. */
      digest?: string;
      /**
       * The dropped file itself, kept with the import so that the Report view can show where a
       * figure was printed (./source.ts); absent for page-image sets and imports stored before.
       */
      original?: Blob;
    }
  | {
      ok: true;
      kind: 'dataset';
      file: string;
      source: string;
      preview: DatasetPreview;
      reportIds: string[];
      tables: ParquetTables;
      /** sha256 of the file's bytes: the same bytes under another name are the same import. */
      digest?: string;
    }
  | {
      ok: false;
      file: string;
      /** In English (logs, tests); the UI words `refusal` in its language. */
      reason: string;
      refusal: Refusal;
    };

export type AcceptedFile = Extract<FileResult, { ok: true }>;

/** One added import, as persisted (IndexedDB) and listed in the panel. */
export interface StoredImport {
  /** Stable key: the kind, file name and content digest. */
  id: string;
  addedAt: string;
  result: AcceptedFile;
}
