/** The one SQL builder: whitelisted identifiers (./schema.ts), values bound as `$n` parameters. */

export { aboutChecksSql, aboutReportsSql, SOURCE_ORIGINS, type SourceOrigin } from './about';
export { anomalyCandidatesSql, anomalyFeaturesSql, narrativeChecksSql } from './anomalies';
export { Binder, type BoundQuery, type SqlValue } from './bound';
export { type CompareQuery, compareSql } from './compare';
export { type CorrectedCell, correctedSource } from './corrected';
export { buildCoverage, buildUnits, PRECOMPUTED, type PrecomputedTable } from './derived';
export { metricSql, metricTable } from './metric';
export { type OutcomesQuery, outcomesSql } from './outcomes';
export { PIVOT_NULL_LABEL, type PivotQuery, pivotSql } from './pivot';
export { type ProvinceMapQuery, provinceMapSql } from './province-map';
export {
  buildCoverageUnits,
  COVERAGE_CELL,
  COVERAGE_COLUMN,
  COVERAGE_FIELD,
  COVERAGE_UNIT,
  coverageSql,
  failedChecksSql,
  type QualityQuery,
  ruleCountsSql,
} from './quality';
export {
  type CellSourceRow,
  cellSourcesSql,
  type ReportKey,
  reportCellsSql,
  reportRowSql,
} from './report';
export { alias, id, SCHEMA } from './schema';
export { type TrendsQuery, trendsSql } from './trends';
export {
  DIRECTORY_FIELD,
  DIRECTORY_NAME,
  DIRECTORY_UNIT,
  lowerRegionsSql,
  MATCH_RANKS,
  readUnits,
  regionPrefix,
  type UnitSearchQuery,
  unitDirectorySql,
  unitFactsSql,
  unitSearchSql,
} from './units';
