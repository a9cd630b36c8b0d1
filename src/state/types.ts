/** The UI state every view reads: one shape, held by the store, mirrored in the URL. */
import type { OutcomeGroup, Table3Column, Table3Row } from '../domain/keys';

export const VIEWS = ['compare', 'trends', 'outcomes', 'pivot', 'report', 'quality'] as const;
export type View = (typeof VIEWS)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** absolute values, relative to the first year (index = 100), or year-over-year change in %. */
export const TREND_MODES = ['absolute', 'relative', 'yoy'] as const;
export type TrendMode = (typeof TREND_MODES)[number];

export const SCALES = ['linear', 'log'] as const;
export type Scale = (typeof SCALES)[number];

export const OUTCOME_MODES = ['share', 'count'] as const;
export type OutcomeMode = (typeof OUTCOME_MODES)[number];

/** Dimensions the pivot can put on rows, columns or filter by. */
export const PIVOT_DIMS = [
  'unit',
  'province',
  'prefecture',
  'level',
  'year',
  'format',
  'row',
  'group',
  'applicant',
] as const;
export type PivotDim = (typeof PIVOT_DIMS)[number];

/**
 * Pivot measure: the sum of table-三 cells, that sum as a share of its row / column / grand
 * total, or a metric computed as Σnumerator / Σdenominator per cell.
 */
export type PivotMeasure =
  | { kind: 'sum' }
  | { kind: 'share'; of: 'row' | 'col' | 'total' }
  | { kind: 'rate'; metric: string };

export const SORT_BY = ['label', 'value'] as const;
export const SORT_DIRS = ['asc', 'desc'] as const;
export interface PivotSort {
  by: (typeof SORT_BY)[number];
  dir: (typeof SORT_DIRS)[number];
}

/** Filter values by dimension, as the dataset spells them (names, codes, keys, years as text). */
export type PivotFilters = Partial<Record<PivotDim, string[]>>;

export interface PivotState {
  rows: PivotDim[];
  cols: PivotDim[];
  measure: PivotMeasure;
  filters: PivotFilters;
  sort: PivotSort;
}

export interface QualityFilters {
  /** A rule id such as `table3.column_balance`; null = every rule. */
  rule: string | null;
  /** null = every year. */
  year: number | null;
  /** Province name as in reports.province; null = every province. */
  province: string | null;
  /** Only units with a missing or failed year. */
  problemsOnly: boolean;
  /** Only failed checks the analyst confirmed as errors of the report (the reviews stay local). */
  confirmedOnly: boolean;
}

export interface OutcomeFilters {
  /** null = the six groups stacked; a group = drilled into its rows. */
  group: OutcomeGroup | null;
  /** One outcome row alone; null = every row of the drilled group. */
  row: Table3Row | null;
  applicant: Table3Column;
  mode: OutcomeMode;
}

export interface UrlState {
  view: View;
  lang: Lang;
  /** Same-origin relative path of the dataset folder. */
  dataset: string;
  /** Unit names as in reports.parquet `unit`, in the order chosen. */
  units: string[];
  /** null = the latest year of the data. */
  year: number | null;
  metric: string;
  trendMode: TrendMode;
  scale: Scale;
  outcome: OutcomeFilters;
  pivot: PivotState;
  /** report_id of the Report view; null = the first report of the first selected unit. */
  report: string | null;
  quality: QualityFilters;
  /** Show only the chart, its title and its source line. */
  embed: boolean;
  /** Show each chart's table. */
  table: boolean;
  /** Charts read the analyst's corrected values instead of the printed ones. */
  corrections: boolean;
}
