/**
 * Size limits for dropped or ingested files. The largest real report in the corpus is under
 * 1 MB (a scanned-and-OCRed PDF can reach a few MB); a 50 MB "report" is a wrong file, and
 * reading it would cost the tab hundreds of MB (bytes + decoded text). Checked on `File.size`
 * / `stat` before anything is read.
 */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
/** Parquet or CSV datasets in the contract's shape may be larger than one report. */
export const MAX_DATASET_BYTES = 200 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The refusal for a file over `limit`, or null when it fits. */
export function sizeProblem(size: number, limit: number): string | null {
  return size > limit ? `too large to be a report (${mb(size)}; the limit is ${mb(limit)}); not read` : null;
}
