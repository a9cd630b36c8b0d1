/**
 * Param and row shapes of the dashboard's query hooks. Views (src/ui) consume these rows
 * directly: plain objects, numbers (never BigInt), null for "not printed / blank".
 * Units are identified by their `unit_id` (two 鼓楼区 are two units); rows also carry the
 * printed `unit` name, and views label units with src/domain/units/labels.ts.
 */
import type { CheckRow, ReportRow } from '../dataset/rows';
import type { Format, OutcomeGroup, Table3Column, Table3Row, TableName } from '../domain/keys';
import type { MetricId } from '../domain/metrics';
import type {
  Order,
  OutcomeBy,
  OutcomeMode,
  PivotDim,
  PivotFilters,
  PivotMeasure,
  PivotSort,
  RegionLevel,
  TrendMode,
} from '../domain/vocab';

import type { CorrectedCell } from '../sql/corrected';

export type { PivotDim, PivotFilters, PivotMeasure, TrendMode } from '../domain/vocab';
export type { CorrectedCell } from '../sql/corrected';

/**
 * A chart result that carries the parameters its rows answer: while the next result loads
 * (react-query keeps the previous data), the chart keeps drawing these rows with their own
 * metric and mode, not the newly chosen ones.
 */
export interface Answering<P> {
  params: P;
}

// ---------------------------------------------------------------- 对比 Compare

export interface CompareParams {
  /** The metric (see src/domain/metrics.ts). */
  metric: MetricId;
  year: number;
  /** unit_ids to compare. Empty = every unit matching `province` / `level` / `kind` / `parent`, capped by `limit`. */
  units: readonly string[];
  /** Only with empty `units`: units of this kind. */
  kind?: string | null;
  /** Only with empty `units`: the units of one government (its unit_id). */
  parent?: string | null;
  /** Only units of this province (name as in reports.province), chosen or not. */
  province?: string | null;
  /** Only units of this region level, chosen or not. */
  level?: RegionLevel | null;
  /** Bar order by value; default QUERY_DEFAULTS.compare.order. Nulls always last. */
  order?: Order;
  /** Maximum number of bars; default QUERY_DEFAULTS.compare.limit. */
  limit?: number;
  /** "With corrections": the analyst's corrected cells read instead of the printed ones. */
  corrections?: readonly CorrectedCell[];
  /** Each unit's latest report up to `year` instead of `year` only. */
  latestEach?: boolean;
}

export interface CompareRow {
  unitId: string;
  /** The name printed in this report. */
  unit: string;
  /** The report's year (differs between units with `latestEach`). */
  year: number;
  reportId: string;
  format: Format;
  province: string | null;
  level: RegionLevel | null;
  /** The metric's value; null when blank, not printed, a zero denominator, or not comparable. */
  value: number | null;
  /** Numerator sum (counts: same as value). */
  numerator: number | null;
  /** Denominator sum; null for count metrics. */
  denominator: number | null;
  /** False when the report's format is not one the metric is defined for (value is then null). */
  comparable: boolean;
  /** Failed consistency checks of this report. */
  checkFailures: number;
}

export interface CompareResult extends Answering<CompareParams> {
  rows: CompareRow[];
  /** Requested unit_ids that have no report for `year`. */
  missing: string[];
  /** Requested units with a report for `year` that the province / level filter leaves out. */
  filteredOut: string[];
}

// ---------------------------------------------------------------- 趋势 Trends

export interface TrendsParams {
  metric: MetricId;
  units: readonly string[];
  /** Inclusive year range; default all years. */
  from?: number | null;
  to?: number | null;
  mode: TrendMode;
  /** "With corrections": the analyst's corrected cells read instead of the printed ones. */
  corrections?: readonly CorrectedCell[];
}

export interface TrendRow {
  unitId: string;
  unit: string;
  reportId: string;
  year: number;
  format: Format;
  /** Value in the requested mode. */
  value: number | null;
  /** The metric's absolute value that year. */
  absolute: number | null;
  comparable: boolean;
  checkFailures: number;
  /**
   * The value compares across the 2021 format change: an index whose base year is in the other
   * format (drawn, marked), or a YoY of 2021 against 2020 (withheld: value null).
   */
  crossesBreak: boolean;
}

export interface TrendsResult extends Answering<TrendsParams> {
  /** Sorted by unit then year. */
  rows: TrendRow[];
  /** Distinct years present, ascending (x axis). */
  years: number[];
}

// ---------------------------------------------------------------- 办理结果 Outcomes

export interface OutcomesParams {
  units: readonly string[];
  year: number;
  /** Stack by outcome group, or by single table-三 row (drill-down). */
  by: OutcomeBy;
  /** Keep only these groups (both modes). Default: all six. */
  groups?: readonly OutcomeGroup[];
  /** With by='row': keep only these rows. Default: all outcome rows of `groups`. */
  rows?: readonly Table3Row[];
  /** Applicant column; default QUERY_DEFAULTS.applicant. */
  applicant?: Table3Column;
  /** 'count' or 'share' (of the unit's sum over ALL outcome rows, so full stacks reach 100 %). */
  measure: OutcomeMode;
  /** "With corrections": the analyst's corrected cells read instead of the printed ones. */
  corrections?: readonly CorrectedCell[];
}

export interface OutcomeRow {
  unitId: string;
  unit: string;
  /** The report the counts come from (the unit's report of the year): a figure opens it. */
  reportId: string;
  format: Format;
  /** Group key (by='group') or row key (by='row'). */
  key: OutcomeGroup | Table3Row;
  group: OutcomeGroup;
  /** count or share (0–1) depending on `measure`. */
  value: number | null;
  count: number | null;
  share: number | null;
}

export interface OutcomesResult extends Answering<OutcomesParams> {
  rows: OutcomeRow[];
  /** unit_ids in the order to draw them (by their outcome total, descending). */
  units: string[];
  /** Stack keys present, in printed order. */
  keys: string[];
  missing: string[];
}

// ---------------------------------------------------------------- 关于数据 About

export interface AboutFacetRow {
  /** What `key` is: a format, a year, a source origin (src/sql/about.ts), or '' for all reports. */
  facet: 'format' | 'year' | 'origin' | 'all';
  key: string;
  reports: number;
  units: number;
  provinces: number;
  /** Distinct archives, web hosts or files the reports came from. */
  places: number;
  /** Reports with at least one failed check. */
  flagged: number;
}

export interface AboutCheckRow {
  rule: string;
  failures: number;
  reports: number;
}

export interface AboutResult {
  facets: AboutFacetRow[];
  checks: AboutCheckRow[];
}

// ---------------------------------------------------------------- 省份地图 Province tile map

export interface ProvinceMapParams {
  metric: MetricId;
  year: number;
  /** unit_ids; empty = every unit (of `level`). */
  units: readonly string[];
  level?: RegionLevel | null;
  latestEach?: boolean;
  corrections?: readonly CorrectedCell[];
}

export interface ProvinceMapRow {
  /** As in reports.province. */
  province: string;
  /** Rates: Σnumerator / Σdenominator over the reports printing both; counts: the sum. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Reports in scope, and how many of them added a figure. */
  reports: number;
  reported: number;
}

export interface ProvinceMapResult extends Answering<ProvinceMapParams> {
  rows: ProvinceMapRow[];
}

// ---------------------------------------------------------------- 透视 Pivot

export interface PivotParams {
  rows: readonly PivotDim[];
  cols: readonly PivotDim[];
  measure: PivotMeasure;
  /**
   * Values kept per dimension (years as text). Table-三 rows summed by sum/share default to all
   * outcome rows when `row` or `group` is a dim, else ['total_handled']; applicant columns to the
   * six applicant columns when `applicant` is a dim, else ['total'].
   */
  filters: PivotFilters;
  /** Order of row headers: by label or by row total. Default QUERY_DEFAULTS.pivot.sort. */
  sort?: PivotSort;
  /** Include row/column/grand totals; default true. */
  totals?: boolean;
  /** Cap on distinct row headers (after sort); default QUERY_DEFAULTS.pivot.limit. */
  limit?: number;
  /** "With corrections": the analyst's corrected cells read instead of the printed ones. */
  corrections?: readonly CorrectedCell[];
}

export interface PivotCell {
  /** Values of the row dims / col dims, as strings (years too). */
  row: string[];
  col: string[];
  value: number | null;
  /** Underlying sums: for sum/share the plain sum; for rate the numerator/denominator sums. */
  sum: number | null;
  denominator: number | null;
  /**
   * Reports in the cell, and how many of them print what the sum adds up (total handled):
   * `reported < reports` means incomplete reports count but add nothing. Null when the layout
   * splits by table-三 row, group or applicant, or for a rate.
   */
  reports: number | null;
  reported: number | null;
}

export interface PivotResult {
  rowDims: PivotDim[];
  colDims: PivotDim[];
  /** Row headers in display order; each is the tuple of row-dim values. */
  rowHeaders: string[][];
  colHeaders: string[][];
  cells: PivotCell[];
  /** Per row header (same order as rowHeaders); empty when totals are off. */
  rowTotals: PivotCell[];
  colTotals: PivotCell[];
  grandTotal: PivotCell | null;
  /**
   * With two or more row dims: one line per value of each leading part of the row tuple (row =
   * that prefix, shorter than rowDims), per column header; computed by the SQL's grouping sets,
   * so a rate's subtotal is its group's Σnumerator / Σdenominator. Empty when totals are off.
   */
  subtotals: PivotCell[];
  /** Each subtotal line's total across the columns (row = the prefix, col = []). */
  subtotalTotals: PivotCell[];
  /** True when rowHeaders were cut at `limit`. */
  truncated: boolean;
}

/** Join a header tuple into one lookup key (a separator no label contains). */
export const pivotKey = (parts: readonly string[]): string => parts.join('\u001f');

// ---------------------------------------------------------------- 年报 Report

/** By id, or a unit (its unit_id) in `year` when it has that year, else its latest year (year null: latest). */
export type ReportParams = { reportId: string } | { unitId: string; year: number | null };

export interface ReportCell {
  value: number | null;
  /** As printed when not a plain number ("/", "—", blank). */
  raw: string | null;
  /** Failed checks whose location covers this cell. */
  failed: CheckRow[];
}

export interface ReportDetail {
  report: ReportRow;
  /** tables[table][row][col]; only printed cells. */
  tables: Record<TableName, Record<string, Record<string, ReportCell>>>;
  checks: CheckRow[];
  /** Other years of the same unit (for a year switcher), ascending. */
  years: number[];
}

// ---------------------------------------------------------------- 数据质量 Quality

export interface QualityParams {
  /**
   * The units a roster expects (src/ui/views/quality/RosterPanel.tsx): their years without a
   * report are "expected but absent", and those with no report at all get their row.
   */
  expected?: readonly { unitId: string; name: string }[];
  provinces?: readonly string[];
  levels?: readonly RegionLevel[];
  years?: readonly number[];
  units?: readonly string[];
  /** Only failed checks of these rules (list) and only units with such failures (matrix). */
  rules?: readonly string[];
  /** Only matrix rows with at least one missing or failed year. */
  problemsOnly?: boolean;
  /** Cap on the failed-check list; default QUERY_DEFAULTS.quality.checksLimit. */
  checksLimit?: number;
  /** Only failed checks with (`in`) or without a review among `keys` (src/domain/annotations reviewKey). */
  reviewed?: { keys: readonly string[]; in: boolean };
}

/** missing: not collected (nothing says it had to publish); absent: on the roster, no report. */
export type CoverageStatus = 'ok' | 'failed' | 'missing' | 'absent';

export interface CoverageCell {
  unitId: string;
  year: number;
  status: CoverageStatus;
  reportId: string | null;
  checkFailures: number;
}

/**
 * One row of the coverage grid. Its cells stay packed as the query answered them (see
 * src/sql/quality.ts coverageSql) and are decoded for the rows on screen only: a nationwide grid
 * has ~27,000 cells, and making an object of each was most of opening the view (issue 12).
 */
export interface CoverageUnit {
  unitId: string;
  unit: string;
  province: string | null;
  level: RegionLevel | null;
  /** `year␟failures␟reportId` per year joined by ␞; reportId empty when the year has no report. */
  cells: string;
  /** Years with a report; of them, with failed checks; years without a report. */
  reported: number;
  failed: number;
  missing: number;
  /** On the roster (src/queries/roster.ts): its years without a report are expected but absent. */
  expected?: boolean;
}

export interface FailedCheck extends CheckRow {
  unitId: string;
  unit: string;
  year: number;
  format: Format;
}

export interface QualityResult {
  /** Column axis, ascending. */
  years: number[];
  /** Row axis (sorted by province, then unit), each with its cells packed (`coverageCells`). */
  units: CoverageUnit[];
  checks: FailedCheck[];
  /** Failed checks matching the filters, before `checksLimit`. */
  checksTotal: number;
  /** Failures per rule (for the rule filter). */
  rules: { rule: string; count: number }[];
  summary: { reported: number; failed: number; missing: number; absent?: number };
}

// ---------------------------------------------------------------- Unit search

export interface UnitSearchParams {
  /** Matches the name, its full pinyin (no tones, no spaces) or its initials; case-insensitive. */
  text?: string;
  province?: string | null;
  level?: RegionLevel | null;
  /** unit_kind: government, department, township, other. */
  kind?: string | null;
  /** The units of one government (its unit_id): its departments, townships and lower governments. */
  parentUnitId?: string | null;
  /** Region code of a parent region: units whose region lies under it. */
  parentCode?: string | null;
  /** Default QUERY_DEFAULTS.unitSearch.limit. */
  limit?: number;
}

export interface UnitHit {
  unitId: string;
  /** Latest printed name. */
  unit: string;
  /** The name without its government's title or prefix (src/domain/units/labels.ts shortName). */
  short: string;
  unitKind: string;
  parentUnitId: string | null;
  /** The government's short name when its own reports are loaded. */
  parentName: string | null;
  regionCode: string | null;
  regionName: string | null;
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: RegionLevel | null;
  /** Years with a report, ascending. */
  years: number[];
  pinyin: string;
  initials: string;
  /** Why it matched (src/sql/units.ts MATCH_RANKS): 0 name prefix … 4 place. */
  rank: number;
}

// ---------------------------------------------------------------- Dataset status

/** The loader's status shapes belong to src/db (which reports them); hooks hand them on. */
export type { DatasetStatus, DatasetSummary, LoadProgress } from '../db/types';
