/** The UI state every view reads: one shape, held by the store, mirrored in the URL. */
import type { OutcomeGroup, Table3Column, Table3Row } from '../domain/keys';
import type { RegionLevel } from '../domain/report';
import type {
  CompareShow,
  OutcomeMode,
  PivotDim,
  PivotFilters,
  PivotMeasure,
  PivotSort,
  Scale,
  TrendMode,
} from '../domain/vocab';

export const VIEWS = ['compare', 'trends', 'outcomes', 'pivot', 'report', 'quality', 'about'] as const;
export type View = (typeof VIEWS)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export {
  COMPARE_SHOWS,
  type CompareShow,
  OUTCOME_MODES,
  type OutcomeMode,
  PIVOT_DIMS,
  type PivotDim,
  type PivotFilters,
  type PivotMeasure,
  type PivotSort,
  SCALES,
  type Scale,
  SORT_BY,
  SORT_DIRS,
  TREND_MODES,
  type TrendMode,
} from '../domain/vocab';

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

/**
 * Which units the charts draw from: the compare bars and the default "top N" of every
 * multi-unit view keep only units of this province and level; the unit search too.
 */
export interface UnitFilter {
  /** Province name as in reports.province; null = every province. */
  province: string | null;
  level: RegionLevel | null;
}

/** How the compare view draws: bars or the province map, their order, one unit picked out. */
export interface CompareState {
  show: CompareShow;
  /** Order of the bars drawn (the units drawn are the same: the top N by value, or the chosen). */
  sort: PivotSort;
  /** unit_id drawn in full colour while the other bars dim; null = none. */
  highlight: string | null;
}

export interface UrlState {
  view: View;
  lang: Lang;
  /** Same-origin relative path of the dataset folder. */
  dataset: string;
  /** unit_ids (reports.parquet `unit_id`), in the order chosen. */
  units: string[];
  /**
   * Units named by name in a link written before unit ids (v1): resolved to unit ids once the
   * dataset is loaded (src/state/legacyUnits.ts), then emptied. `pivot`: a pivot unit filter's.
   */
  legacyNames: { units: string[]; pivot: string[] };
  filter: UnitFilter;
  /** Compare: each unit's latest report up to `year` instead of `year` only. */
  latestEach: boolean;
  compare: CompareState;
  /** null = the latest year of the data. */
  year: number | null;
  metric: string;
  trendMode: TrendMode;
  scale: Scale;
  outcome: OutcomeFilters;
  pivot: PivotState;
  /** report_id of the Report view; null = the first report of the first selected unit. */
  report: string | null;
  /** The Report view's selected cell (`table3.new_received.total`): highlighted, with its source. */
  cell: string | null;
  quality: QualityFilters;
  /** Show only the chart, its title and its source line. */
  embed: boolean;
  /** Show each chart's table. */
  table: boolean;
  /** Charts read the analyst's corrected values instead of the printed ones. */
  corrections: boolean;
}
