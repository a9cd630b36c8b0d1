/**
 * The metrics catalogue: every number the dashboard can chart, declared as sums of canonical
 * cells so that src/sql turns the same declaration into SQL and `evaluateMetric` (tests, the
 * report view) computes it in TS. A metric names the formats it is defined for; values of
 * reports in other formats are shown as "not comparable", never silently joined.
 */
import {
  APPLICANT_COLUMNS,
  FORMATS,
  type Format,
  LEGAL_PERSON_COLUMNS,
  OUTCOME_GROUPS,
  type OutcomeGroup,
  TABLE2_CROSS_FORMAT,
  TABLE2_ITEMS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  type Table3Column,
  type Table3Row,
  type TableName,
} from '../keys';
import {
  type Bilingual,
  OUTCOME_GROUP_LABELS,
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
} from './labels';

/** count: a sum of cells; rate: numerator / denominator as a ratio (0–1); percent: already × 100. */
export type MetricUnit = 'count' | 'rate' | 'percent';
export type MetricCategory =
  | 'table3_row'
  | 'table3_group'
  | 'table3_applicant'
  | 'table4'
  | 'table2'
  | 'rate';

/** One canonical cell, added with `sign` (−1 subtracts, e.g. total − pending). */
export interface CellTerm {
  table: TableName;
  row: string;
  col: string;
  sign: 1 | -1;
}

export type MetricId = string;

export interface MetricDef {
  /** URL-safe: [a-z0-9_.]. */
  id: MetricId;
  category: MetricCategory;
  label: Bilingual;
  /** Shown in the UI next to the chart. */
  formula: Bilingual;
  unit: MetricUnit;
  /** Formats whose reports this metric is defined for. */
  formats: readonly Format[];
  numerator: readonly CellTerm[];
  /** Absent for counts. */
  denominator?: readonly CellTerm[];
}

const BOTH: readonly Format[] = FORMATS;
const plus = (table: TableName, row: string, col: string): CellTerm => ({ table, row, col, sign: 1 });
const minus = (table: TableName, row: string, col: string): CellTerm => ({ table, row, col, sign: -1 });

/** Outcome rows of a group; `other` includes every other_* row (a report prints one variant). */
export function rowsOfGroup(group: OutcomeGroup): Table3Row[] {
  return TABLE3_ROWS.filter((r) => r.group === group).map((r) => r.key);
}

const groupTerms = (group: OutcomeGroup, col: Table3Column = 'total'): CellTerm[] =>
  rowsOfGroup(group).map((row) => plus('table3', row, col));

function table3RowMetrics(): MetricDef[] {
  return TABLE3_ROWS.map((r) => {
    const label = TABLE3_ROW_LABELS[r.key];
    return {
      id: `t3.${r.key}`,
      category: 'table3_row' as const,
      label,
      formula: { zh: `表三「${label.zh}」总计列`, en: `table 3 “${label.en}”, total column` },
      unit: 'count' as const,
      formats: r.formats,
      numerator: [plus('table3', r.key, 'total')],
    };
  });
}

function table3GroupMetrics(): MetricDef[] {
  return OUTCOME_GROUPS.map((g) => {
    const label = OUTCOME_GROUP_LABELS[g];
    const rows = rowsOfGroup(g);
    return {
      id: `t3.group.${g}`,
      category: 'table3_group' as const,
      label: { zh: `${label.zh}（合计）`, en: `${label.en} (group)` },
      formula:
        rows.length === 1
          ? { zh: `表三「${label.zh}」总计列`, en: `table 3 “${label.en}”, total column` }
          : {
              zh: `表三「${label.zh}」各行之和（总计列）`,
              en: `sum of the table 3 “${label.en}” rows, total column`,
            },
      unit: 'count' as const,
      formats: BOTH,
      numerator: groupTerms(g),
    };
  });
}

/** new_received and total_handled split by applicant type (plus the legal-person sum). */
function table3ApplicantMetrics(): MetricDef[] {
  const out: MetricDef[] = [];
  for (const row of ['new_received', 'total_handled'] as const) {
    const rowLabel = TABLE3_ROW_LABELS[row];
    for (const col of APPLICANT_COLUMNS) {
      const colLabel = TABLE3_COLUMN_LABELS[col];
      out.push({
        id: `t3.${row}.${col}`,
        category: 'table3_applicant',
        label: { zh: `${rowLabel.zh}·${colLabel.zh}`, en: `${rowLabel.en}: ${colLabel.en}` },
        formula: {
          zh: `表三「${rowLabel.zh}」「${colLabel.zh}」列`,
          en: `table 3 “${rowLabel.en}”, “${colLabel.en}” column`,
        },
        unit: 'count',
        formats: BOTH,
        numerator: [plus('table3', row, col)],
      });
    }
    out.push({
      id: `t3.${row}.legal_person`,
      category: 'table3_applicant',
      label: { zh: `${rowLabel.zh}·法人或其他组织`, en: `${rowLabel.en}: legal persons` },
      formula: {
        zh: `表三「${rowLabel.zh}」法人或其他组织五列之和`,
        en: `table 3 “${rowLabel.en}”, sum of the five legal-person columns`,
      },
      unit: 'count',
      formats: BOTH,
      numerator: LEGAL_PERSON_COLUMNS.map((c) => plus('table3', row, c)),
    });
  }
  return out;
}

function table4Metrics(): MetricDef[] {
  return TABLE4_GROUPS.flatMap((g) =>
    TABLE4_COLUMNS.map((c) => {
      const gl = TABLE4_GROUP_LABELS[g];
      const cl = TABLE4_COLUMN_LABELS[c];
      return {
        id: `t4.${g}.${c}`,
        category: 'table4' as const,
        label: { zh: `${gl.zh}·${cl.zh}`, en: `${gl.en}: ${cl.en}` },
        formula: { zh: `表四「${gl.zh}」「${cl.zh}」`, en: `table 4 “${gl.en}”, “${cl.en}”` },
        unit: 'count' as const,
        formats: BOTH,
        numerator: [plus('table4', g, c)],
      };
    }),
  );
}

/** Cross-format decisions first; then every format-specific cell, labelled with its format. */
function table2Metrics(): MetricDef[] {
  const out: MetricDef[] = [];
  const cross = new Set(TABLE2_CROSS_FORMAT.map(([i, c]) => `${i}.${c}`));
  for (const [item, col] of TABLE2_CROSS_FORMAT) {
    const il = TABLE2_ITEM_LABELS[item]!;
    out.push({
      id: `t2.${item}.${col}`,
      category: 'table2',
      label: { zh: `${il.zh}决定数`, en: `${il.en} decisions` },
      formula: { zh: `表二「${il.zh}」处理决定数量`, en: `table 2 “${il.en}”, decisions` },
      unit: 'count',
      formats: BOTH,
      numerator: [plus('table2', item, col)],
    });
  }
  for (const format of FORMATS) {
    for (const [item, cols] of Object.entries(TABLE2_ITEMS[format])) {
      for (const col of cols) {
        if (cross.has(`${item}.${col}`)) continue;
        const il = TABLE2_ITEM_LABELS[item] ?? { zh: item, en: item };
        const cl = TABLE2_COLUMN_LABELS[col] ?? { zh: col, en: col };
        out.push({
          id: `t2.${format}.${item}.${col}`,
          category: 'table2',
          label: { zh: `${il.zh}·${cl.zh}（${format}版）`, en: `${il.en}: ${cl.en} (${format} format)` },
          formula: {
            zh: `表二「${il.zh}」「${cl.zh}」，仅${format}版格式`,
            en: `table 2 “${il.en}”, “${cl.en}”; ${format} format only`,
          },
          unit: 'count',
          formats: [format],
          numerator: [plus('table2', item, col)],
        });
      }
    }
  }
  return out;
}

const TOTAL_HANDLED = [plus('table3', 'total_handled', 'total')];

function shareOfHandled(group: OutcomeGroup, zh: string, en: string): MetricDef {
  const gl = OUTCOME_GROUP_LABELS[group];
  return {
    id: `rate.${group}`,
    category: 'rate',
    label: { zh, en },
    formula: {
      zh: `「${gl.zh}」合计 ÷ 办理总计（总计列）`,
      en: `${gl.en} (group sum) ÷ total handled (total column)`,
    },
    unit: 'rate',
    formats: BOTH,
    numerator: groupTerms(group),
    denominator: TOTAL_HANDLED,
  };
}

function rateMetrics(): MetricDef[] {
  return [
    {
      id: 'rate.disclosure',
      category: 'rate',
      label: { zh: '公开率', en: 'disclosure rate' },
      formula: {
        zh: '（予以公开 + 部分公开）÷ 办理总计（总计列）',
        en: '(granted + partially granted) ÷ total handled (total column)',
      },
      unit: 'rate',
      formats: BOTH,
      numerator: [...groupTerms('granted'), ...groupTerms('partially_granted')],
      denominator: TOTAL_HANDLED,
    },
    shareOfHandled('withheld', '不予公开占比', 'withheld share'),
    shareOfHandled('unable', '无法提供占比', 'unable-to-provide share'),
    shareOfHandled('rejected', '不予处理占比', 'rejected share'),
    {
      id: 'rate.legal_person',
      category: 'rate',
      label: { zh: '法人或其他组织申请占比', en: 'legal-person share of new requests' },
      formula: {
        zh: '本年新收申请中法人或其他组织五列之和 ÷ 本年新收申请总计',
        en: 'new requests from the five legal-person columns ÷ new requests, total',
      },
      unit: 'rate',
      formats: BOTH,
      numerator: LEGAL_PERSON_COLUMNS.map((c) => plus('table3', 'new_received', c)),
      denominator: [plus('table3', 'new_received', 'total')],
    },
    {
      id: 'rate.review_correction',
      category: 'rate',
      label: { zh: '行政复议纠错率', en: 'review correction rate' },
      formula: {
        zh: '行政复议结果纠正 ÷（行政复议总计 − 尚未审结）',
        en: 'review corrected ÷ (review total − pending)',
      },
      unit: 'rate',
      formats: BOTH,
      numerator: [plus('table4', 'review', 'corrected')],
      denominator: [plus('table4', 'review', 'total'), minus('table4', 'review', 'pending')],
    },
    {
      id: 'rate.litigation_correction',
      category: 'rate',
      label: { zh: '行政诉讼纠错率', en: 'litigation correction rate' },
      formula: {
        zh: '两类行政诉讼结果纠正之和 ÷ 两类行政诉讼（总计 − 尚未审结）之和',
        en: 'corrected in both litigation groups ÷ (total − pending) of both groups',
      },
      unit: 'rate',
      formats: BOTH,
      numerator: [
        plus('table4', 'litigation_direct', 'corrected'),
        plus('table4', 'litigation_after_review', 'corrected'),
      ],
      denominator: [
        plus('table4', 'litigation_direct', 'total'),
        minus('table4', 'litigation_direct', 'pending'),
        plus('table4', 'litigation_after_review', 'total'),
        minus('table4', 'litigation_after_review', 'pending'),
      ],
    },
    {
      id: 'rate.carried_forward',
      category: 'rate',
      label: { zh: '结转下年度占比', en: 'carried-forward share' },
      formula: {
        zh: '结转下年度 ÷（本年新收 + 上年结转）（总计列）',
        en: 'carried forward ÷ (new requests + carried over) (total column)',
      },
      unit: 'rate',
      formats: BOTH,
      numerator: [plus('table3', 'carried_forward', 'total')],
      denominator: [plus('table3', 'new_received', 'total'), plus('table3', 'carried_over', 'total')],
    },
  ];
}

/** Every metric, in menu order. */
export const METRICS: readonly MetricDef[] = [
  ...rateMetrics(),
  ...table3GroupMetrics(),
  ...table3RowMetrics(),
  ...table3ApplicantMetrics(),
  ...table4Metrics(),
  ...table2Metrics(),
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

export function isMetricId(id: string): boolean {
  return BY_ID.has(id);
}

/** The metric with this id; throws `unknown metric: <id>` otherwise. */
export function getMetric(id: MetricId): MetricDef {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown metric: ${id}`);
  return m;
}

/** Default metric of the Compare / Trends views. */
export const DEFAULT_METRIC: MetricId = 't3.new_received';
