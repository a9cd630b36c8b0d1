import { DEFAULT_METRIC } from '../domain/metrics';
import { PIVOT_DEFAULTS, QUERY_DEFAULTS } from '../domain/vocab';
import type { UrlState } from './types';

/** The default dataset: the bundled Parquet files next to index.html. */
export const DEFAULT_DATASET = 'data/';

/** What an empty URL means. Only values that differ from these are written to the URL. */
export const DEFAULT_STATE: UrlState = {
  view: 'compare',
  lang: 'zh',
  dataset: DEFAULT_DATASET,
  units: [],
  legacyNames: { units: [], pivot: [] },
  filter: { province: null, level: null },
  latestEach: false,
  compare: { show: 'bars', sort: { by: 'value', dir: 'desc' }, highlight: null },
  year: null,
  metric: DEFAULT_METRIC,
  trendMode: 'absolute',
  scale: 'linear',
  outcome: { group: null, row: null, applicant: QUERY_DEFAULTS.applicant, mode: 'share' },
  pivot: {
    rows: [...PIVOT_DEFAULTS.rows],
    cols: [...PIVOT_DEFAULTS.cols],
    measure: PIVOT_DEFAULTS.measure,
    filters: {},
    sort: PIVOT_DEFAULTS.sort,
  },
  report: null,
  cell: null,
  quality: { rule: null, year: null, province: null, problemsOnly: false, confirmedOnly: false },
  embed: false,
  table: false,
  corrections: false,
};
