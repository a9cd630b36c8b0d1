/**
 * Size limits for dropped or ingested files. The largest real report in the corpus is under
 * 1 MB (a scanned-and-OCRed PDF can reach a few MB); a 50 MB "report" is a wrong file, and
 * reading it would cost the tab hundreds of MB (bytes + decoded text). Checked on `File.size`
 * / `stat` before anything is read.
 */
import { type Refusal, refusal, refusalText } from '../domain/refusals';
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
/** Parquet or CSV datasets in the contract's shape may be larger than one report. */
export const MAX_DATASET_BYTES = 200 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The refusal for a file over `limit`, or null when it fits. */
export function sizeRefusal(size: number, limit: number): Refusal | null {
  return size > limit ? refusal('tooLarge', { size: mb(size), limit: mb(limit) }) : null;
}

/** The same in English (the CLI's wording). */
export function sizeProblem(size: number, limit: number): string | null {
  const r = sizeRefusal(size, limit);
  return r ? refusalText(r) : null;
}
