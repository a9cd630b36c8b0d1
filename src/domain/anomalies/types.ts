/**
 * Anomaly flags: signs that a printed figure deserves a second look although the report's own
 * arithmetic holds. A flag never changes a figure; it names the rule and the numbers that
 * triggered it, and the UI words it (src/i18n, `anomaly.<rule>`).
 */

export const ANOMALY_RULES = [
  'yoy_jump',
  'peer_outlier',
  'copied_table',
  'old_format',
  'narrative_total',
] as const;
export type AnomalyRule = (typeof ANOMALY_RULES)[number];

/**
 * Bump when a rule, a threshold or what the SQL hands the rules changes: a dataset's shipped
 * flags (src/dataset/shipped-anomalies.ts) computed by another version are then not used.
 */
export const ANOMALY_RULES_VERSION = 1;

/** What the rules read about one report (one row per report, built in SQL: src/sql/anomalies.ts). */
export interface ReportFeatures {
  reportId: string;
  /** The unit's unit_id (src/domain/units/identity.ts): a unit is never identified by its name alone. */
  unitKey: string;
  unit: string;
  province: string | null;
  level: string | null;
  year: number;
  format: string;
  /** Table 三 本年新收 · 总计, null when blank or absent. */
  received: number | null;
  /** Disclosure rate parts: (granted + partially_granted) and total_handled, total column. */
  rateNum: number | null;
  rateDen: number | null;
  /** A 64-bit digest of every table-三 cell (row, column, value or blank); null without table 三. */
  t3Digest: string | null;
  /** How many table-三 cells are printed as a number other than zero. */
  t3Nonzero: number;
}

export interface Anomaly {
  rule: AnomalyRule;
  reportId: string;
  unit: string;
  province: string | null;
  year: number;
  /** The figure flagged (this year's count, the rate, …); null when the rule has none. */
  value: number | null;
  /** What it is compared with (last year's count, the peers' median, the prose's figure). */
  reference: number | null;
  /** Rule-specific detail for the message: the ratio, the number of peers, the earlier year. */
  detail: number | null;
}
