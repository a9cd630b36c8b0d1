/**
 * Canonical keys of the two national formats (国办公开办函〔2019〕60号 and 〔2021〕30号).
 * These are the public contract of ../shared/spec/report-model.md: the `parse --json`
 * output, the Parquet files and the URL all use them. Order = printed order.
 */

export const FORMATS = ['2019', '2021'] as const;
export type Format = (typeof FORMATS)[number];

/** Table 三 columns (applicant types), printed order. */
export const TABLE3_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social_org',
  'legal_service',
  'other',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
/** The six applicant columns that sum to `total` (rule 3). */
export const APPLICANT_COLUMNS = TABLE3_COLUMNS.filter(
  (c): c is Exclude<Table3Column, 'total'> => c !== 'total',
);
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
/** 法人或其他组织: the five columns that are not natural persons. */
export const LEGAL_PERSON_COLUMNS: readonly ApplicantColumn[] = [
  'commercial',
  'research',
  'social_org',
  'legal_service',
  'other',
];

export const OUTCOME_GROUPS = [
  'granted',
  'partially_granted',
  'withheld',
  'unable',
  'rejected',
  'other',
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];
/** Every table-三 row's group: intake, the six outcome groups, the total, carried forward. */
export const TABLE3_GROUPS = ['intake', ...OUTCOME_GROUPS, 'total', 'forward'] as const;
export type Table3Group = (typeof TABLE3_GROUPS)[number];

export interface Table3RowDef {
  key: string;
  group: Table3Group;
  /** Which formats print this row. `other_single` is the 2019 row, also printed by some later reports. */
  formats: readonly Format[];
}

const BOTH: readonly Format[] = FORMATS;
export const TABLE3_ROWS = [
  { key: 'new_received', group: 'intake', formats: BOTH },
  { key: 'carried_over', group: 'intake', formats: BOTH },
  { key: 'granted', group: 'granted', formats: BOTH },
  { key: 'partially_granted', group: 'partially_granted', formats: BOTH },
  { key: 'withheld_state_secret', group: 'withheld', formats: BOTH },
  { key: 'withheld_prohibited_by_law', group: 'withheld', formats: BOTH },
  { key: 'withheld_three_safeties_one_stability', group: 'withheld', formats: BOTH },
  { key: 'withheld_third_party_rights', group: 'withheld', formats: BOTH },
  { key: 'withheld_internal_affairs', group: 'withheld', formats: BOTH },
  { key: 'withheld_process_information', group: 'withheld', formats: BOTH },
  { key: 'withheld_law_enforcement_files', group: 'withheld', formats: BOTH },
  { key: 'withheld_administrative_query', group: 'withheld', formats: BOTH },
  { key: 'unable_not_held', group: 'unable', formats: BOTH },
  { key: 'unable_needs_creation', group: 'unable', formats: BOTH },
  { key: 'unable_unclear_after_correction', group: 'unable', formats: BOTH },
  { key: 'rejected_petition_complaint', group: 'rejected', formats: BOTH },
  { key: 'rejected_repeated', group: 'rejected', formats: BOTH },
  { key: 'rejected_publication', group: 'rejected', formats: BOTH },
  { key: 'rejected_excessive', group: 'rejected', formats: BOTH },
  { key: 'rejected_confirmation', group: 'rejected', formats: BOTH },
  { key: 'other_overdue_correction', group: 'other', formats: ['2021'] },
  { key: 'other_overdue_fee', group: 'other', formats: ['2021'] },
  { key: 'other_other', group: 'other', formats: ['2021'] },
  { key: 'other_single', group: 'other', formats: BOTH },
  { key: 'total_handled', group: 'total', formats: BOTH },
  { key: 'carried_forward', group: 'forward', formats: BOTH },
] as const satisfies readonly Table3RowDef[];
export type Table3Row = (typeof TABLE3_ROWS)[number]['key'];
export const TABLE3_ROW_KEYS: readonly Table3Row[] = TABLE3_ROWS.map((r) => r.key);
/** Rows whose sum is `total_handled` (rule 2): every outcome row. */
export const OUTCOME_ROWS: readonly Table3Row[] = TABLE3_ROWS.filter((r) =>
  (OUTCOME_GROUPS as readonly string[]).includes(r.group),
).map((r) => r.key);

export function groupOfRow(row: Table3Row): Table3Group {
  const def = TABLE3_ROWS.find((r) => r.key === row);
  if (!def) throw new Error(`unknown table3 row: ${row}`);
  return def.group;
}

/** Table 四. */
export const TABLE4_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
export const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type Table4Column = (typeof TABLE4_COLUMNS)[number];

/** Table 二: items and their columns per format. Only licensing/penalty/coercion `decisions` mean the same in both. */
export const TABLE2_ITEMS: Record<Format, Record<string, readonly string[]>> = {
  '2021': {
    regulations: ['issued', 'repealed', 'in_force'],
    normative_documents: ['issued', 'repealed', 'in_force'],
    licensing: ['decisions'],
    penalty: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount_10k_yuan'],
  },
  '2019': {
    regulations: ['newly_made', 'newly_published', 'total_published'],
    normative_documents: ['newly_made', 'newly_published', 'total_published'],
    licensing: ['items_last_year', 'items_change', 'decisions'],
    other_services: ['items_last_year', 'items_change', 'decisions'],
    penalty: ['items_last_year', 'items_change', 'decisions'],
    coercion: ['items_last_year', 'items_change', 'decisions'],
    fees: ['items_last_year', 'items_change'],
    procurement: ['items', 'amount_10k_yuan'],
  },
};
/** Table-二 cells comparable across the format change. */
export const TABLE2_CROSS_FORMAT: readonly (readonly [string, string])[] = [
  ['licensing', 'decisions'],
  ['penalty', 'decisions'],
  ['coercion', 'decisions'],
];

export const TABLES = ['table2', 'table3', 'table4'] as const;
export type TableName = (typeof TABLES)[number];
