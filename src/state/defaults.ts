import { DEFAULT_METRIC } from '../domain/metrics';
import type { UrlState } from './types';

/** The default dataset: the bundled Parquet files next to index.html. */
export const DEFAULT_DATASET = 'data/';

/** What an empty URL means. Only values that differ from these are written to the URL. */
export const DEFAULT_STATE: UrlState = {
  view: 'compare',
  lang: 'zh',
  dataset: DEFAULT_DATASET,
  units: [],
  year: null,
  metric: DEFAULT_METRIC,
  trendMode: 'absolute',
  scale: 'linear',
  outcome: { group: null, row: null, applicant: 'total', mode: 'share' },
  pivot: {
    rows: ['province'],
    cols: ['year'],
    measure: { kind: 'sum' },
    filters: {},
    sort: { by: 'label', dir: 'asc' },
  },
  report: null,
  quality: { rule: null, year: null, province: null, problemsOnly: false, confirmedOnly: false },
  embed: false,
  table: false,
  corrections: false,
};
