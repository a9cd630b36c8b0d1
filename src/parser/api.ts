import { type Refusal, refusalText } from '../domain/refusals';
import type { CellSource, Report } from '../domain/report';

/**
 * What `parseReport(bytes, fileName)` (src/parser/parse.ts) returns. A document that is not a
 * report at all (empty, binary, no table 三) is `ok: false` with one human-readable reason;
 * a truncated report is `ok: true` with the rows it has plus an `incomplete` check.
 * `report.region` is null here: region resolution (src/region/) is a separate step.
 */
export type ParseOutcome =
  | {
      ok: true;
      report: Report;
      /** `table.row.col` → where the figure was printed, for the cells read from one printed figure. */
      src?: Record<string, CellSource>;
    }
  | {
      ok: false;
      file: string;
      /** The refusal in English (the CLI's wording, `parse --json`'s `reason`). */
      reason: string;
      /** The same as a code and its parameters, for the UI's language (src/domain/refusals.ts). */
      refusal: Refusal;
    };

/** For slow paths (OCR of scanned pages): progress per page, and a way to stop. */
export interface ParseOptions {
  onProgress?: (progress: { page: number; pages: number }) => void;
  signal?: AbortSignal;
}

export type ParseReport = (
  bytes: Uint8Array,
  fileName: string,
  options?: ParseOptions,
) => Promise<ParseOutcome>;

/** A refusal as the parse's outcome: its code for the UI, its English wording for the CLI. */
export const refused = (file: string, r: Refusal): ParseOutcome => ({
  ok: false,
  file,
  reason: refusalText(r),
  refusal: r,
});
