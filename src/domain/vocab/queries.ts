/**
 * What a query means when a parameter is left out. The query keys (src/queries/keys.ts) fill
 * these in, so equal questions share a cache entry, and the fetchers and SQL builders read the
 * same values.
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
