/** The metrics catalogue (definitions in ./metrics/): what the dashboard charts and how it is computed. */
export {
  type CellTerm,
  DEFAULT_METRIC,
  getMetric,
  isMetricId,
  METRICS,
  type MetricCategory,
  type MetricDef,
  type MetricId,
  type MetricUnit,
  rowsOfGroup,
} from './metrics/catalogue';
export { type CellLookup, evaluateMetric, type MetricValue, sumTerms } from './metrics/evaluate';
export {
  type Bilingual,
  OUTCOME_GROUP_LABELS,
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
} from './metrics/labels';
