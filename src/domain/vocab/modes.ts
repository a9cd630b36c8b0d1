/**
 * Closed lists of the dashboard's words that are not report keys (those are in ../keys.ts):
 * region levels, unit kinds, chart modes, sort orders. Types are derived from the lists, so a
 * parser, an option list and a type can never disagree.
 */
export { FORMATS, type Format } from '../keys';

/** GB/T 2260 levels, top down. */
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** reports.parquet `unit_kind` (../shared/spec/report-model.md). */
export const UNIT_KINDS = ['government', 'department', 'township', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Trends: the metric as is; an index with the first year of the unit's series = 100; or the
 * year-over-year change in percent.
 */
export const TREND_MODES = ['absolute', 'relative', 'yoy'] as const;
export type TrendMode = (typeof TREND_MODES)[number];

export const SCALES = ['linear', 'log'] as const;
export type Scale = (typeof SCALES)[number];

/** Outcomes: each stack as shares of the unit's outcome total, or as counts. */
export const OUTCOME_MODES = ['share', 'count'] as const;
export type OutcomeMode = (typeof OUTCOME_MODES)[number];

/** Outcomes stacked by outcome group, or by single table-三 row (drill-down). */
export const OUTCOME_BY = ['group', 'row'] as const;
export type OutcomeBy = (typeof OUTCOME_BY)[number];

/** Compare: one bar per unit, or a tile map with one square per province. */
export const COMPARE_SHOWS = ['bars', 'map'] as const;
export type CompareShow = (typeof COMPARE_SHOWS)[number];

/** Bar order of the compare view. */
export const ORDERS = ['desc', 'asc'] as const;
export type Order = (typeof ORDERS)[number];

export const SORT_BY = ['label', 'value'] as const;
export type SortBy = (typeof SORT_BY)[number];
export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];
export interface PivotSort {
  by: SortBy;
  dir: SortDir;
}
/** The sort choices the pivot offers, in menu order, as `by.dir` keys (also their URL form). */
export const SORT_OPTIONS = ['label.asc', 'label.desc', 'value.desc', 'value.asc'] as const;
export type SortKey = `${SortBy}.${SortDir}`;
export const sortKey = (s: PivotSort): SortKey => `${s.by}.${s.dir}`;
/** A `by.dir` key as a sort, or null when it is not one. */
export function parseSortKey(raw: string): PivotSort | null {
  const [by, dir, extra] = raw.split('.');
  if (extra !== undefined) return null;
  return (SORT_BY as readonly string[]).includes(by ?? '') &&
    (SORT_DIRS as readonly string[]).includes(dir ?? '')
    ? { by: by as SortBy, dir: dir as SortDir }
    : null;
}

/** Whether `value` is one of `list` (narrowing it). */
export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
