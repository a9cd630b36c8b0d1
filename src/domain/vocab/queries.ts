/**
 * What a query means when a parameter is left out. Each query factory (src/queries) fills
 * these in once, so equal questions share a cache entry and its fetch reads the same values; the
 * SQL builders fall back to them when called with a partial question.
 */
import type { Table3Column } from '../keys';
import type { Order } from './modes';
import { PIVOT_DEFAULTS } from './pivot';

/** The table-三 column read when no applicant type is chosen. */
const applicant: Table3Column = 'total';
const order: Order = 'desc';

export const QUERY_DEFAULTS = {
  applicant,
  compare: { order, limit: 50 },
  pivot: { sort: PIVOT_DEFAULTS.sort, totals: true, limit: 500 },
  quality: { problemsOnly: false, checksLimit: 500 },
  unitSearch: { limit: 50 },
} as const;
