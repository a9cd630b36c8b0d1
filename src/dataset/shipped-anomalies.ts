/**
 * A dataset's `derived/anomalies.json`: every anomaly flag of its files, computed by the CLI when
 * it writes derived/ (src/dataset/node/derived-writer.ts) with the same SQL and rules the browser
 * runs (./anomaly-flags.ts). At nationwide scale the browser's own computation was ~1.4 s of
 * DuckDB's worker right after the load, under a person's first inputs (issue 12); with this file
 * it reads a few kilobytes instead.
 *
 * The flags are used only for the four contract files they name by sha256, by a build whose rules
 * (ANOMALY_RULES_VERSION) and file format are the file's, and only while the data loaded is those
 * files alone (no import, no unit merge). Anything else (absent, stale, foreign, oversized,
 * malformed) is no file: the browser computes the flags. tests/dataset/shipped-anomalies.test.ts
 * fails when the bundled file is no longer what the engine computes.
 */
import { ANOMALY_RULES, ANOMALY_RULES_VERSION, type Anomaly } from '../domain/anomalies';
import { DERIVED_DIR, namesTheseFiles } from './derived';
import { PARQUET_FILES } from './rows';

export const ANOMALIES_FILE = `${DERIVED_DIR}anomalies.json`;
/** Bump when the file's shape changes. */
export const ANOMALIES_FILE_VERSION = 1;
/** Bounds of the file: larger ones are not read at all. */
export const ANOMALIES_LIMITS = { bytes: 8_000_000, anomalies: 50_000 } as const;

const FILES = Object.values(PARQUET_FILES);

interface ShippedAnomalies {
  version: number;
  rules: number;
  /** sha256 of each of the four contract files, by file name. */
  sources: Record<string, string>;
  anomalies: Anomaly[];
}

/** The file's text (stable: the same flags give the same bytes). */
export function encodeShippedAnomalies(
  anomalies: readonly Anomaly[],
  sources: Readonly<Record<string, string>>,
): string {
  const file: ShippedAnomalies = {
    version: ANOMALIES_FILE_VERSION,
    rules: ANOMALY_RULES_VERSION,
    sources: Object.fromEntries(FILES.map((f) => [f, sources[f] ?? ''])),
    anomalies: [...anomalies],
  };
  return `${JSON.stringify(file)}\n`;
}

const isNumberOrNull = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v));
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** One flag as this build's `Anomaly`, or null when the record is not one. */
function readAnomaly(v: unknown): Anomaly | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const r = v as Record<string, unknown>;
  if (!(ANOMALY_RULES as readonly unknown[]).includes(r.rule)) return null;
  if (typeof r.reportId !== 'string' || typeof r.unit !== 'string' || !isStringOrNull(r.province))
    return null;
  if (typeof r.year !== 'number' || !Number.isInteger(r.year)) return null;
  if (!isNumberOrNull(r.value) || !isNumberOrNull(r.reference) || !isNumberOrNull(r.detail)) return null;
  // A fresh record of known fields only: nothing of the file's own keys goes further.
  return {
    rule: r.rule as Anomaly['rule'],
    reportId: r.reportId,
    unit: r.unit,
    province: r.province,
    year: r.year,
    value: r.value,
    reference: r.reference,
    detail: r.detail,
  };
}

/**
 * The flags of `text` if it is an anomalies file this build can use for files with `hashes`;
 * null otherwise. Never throws.
 */
export function readShippedAnomalies(
  text: string,
  hashes: Readonly<Record<string, string>>,
): Anomaly[] | null {
  if (text.length > ANOMALIES_LIMITS.bytes) return null;
  try {
    const json = JSON.parse(text) as Partial<ShippedAnomalies> | null;
    if (typeof json !== 'object' || json === null) return null;
    if (json.version !== ANOMALIES_FILE_VERSION || json.rules !== ANOMALY_RULES_VERSION) return null;
    if (!namesTheseFiles(json.sources, hashes)) return null;
    const list = json.anomalies;
    if (!Array.isArray(list) || list.length > ANOMALIES_LIMITS.anomalies) return null;
    const out: Anomaly[] = [];
    for (const v of list) {
      const a = readAnomaly(v);
      if (!a) return null;
      out.push(a);
    }
    return out;
  } catch {
    return null;
  }
}
