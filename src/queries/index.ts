/**
 * The UI's only way to the database. One factory per query (TanStack's `queryOptions`), each in
 * its own file with its fetch: a view calls `useQuery(compareQuery(params))`. What the factories
 * share (key shape, defaults, waiting for the dataset, `select` for display-only params) is in
 * ./options.ts; param and row shapes in ./types.ts. Adding a query: see docs/architecture.md.
 */
import { useSyncExternalStore } from 'react';
import { getStatus, subscribeStatus } from '../db/status';
import type { DatasetStatus, DatasetSummary } from './types';

// The dataset's own operations, for the views: they reach the database only through this module.
export { encodeParquet, exportParquet, loadParquetBytes } from '../db/changes';
export { initDatabase } from '../db/loader';
export type { CellSourceRow } from '../sql';
export { aboutQuery } from './about';
export { anomaliesQuery } from './anomalies';
export { compareQuery } from './compare';
export { coverageCells } from './coverage';
export { QUERY_ROOT } from './options';
export { outcomesQuery } from './outcomes';
export { pivotQuery } from './pivot';
export { prefetchQuietly, prepareQuietly, type Question } from './prefetch';
export { provinceMapQuery } from './province-map';
export { qualityQuery, qualityRulesQuery, withRuleCounts } from './quality';
export { cellSourcesQuery, reportQuery } from './report';
export { trendsQuery } from './trends';
export * from './types';
export { lowerRegionsQuery, unitDirectoryQuery, unitSearchQuery, unitSearchStatements } from './units';

/** Loading progress, then the dataset summary (counts, years, provinces), or the load error. */
export function useDatasetStatus(): DatasetStatus {
  return useSyncExternalStore(subscribeStatus, getStatus, getStatus);
}

/**
 * The loaded dataset's summary: the engine's once ready; while it loads, the one kept from an
 * earlier visit of the very same files (views then draw stored answers); otherwise null.
 */
export function datasetSummary(s: DatasetStatus): DatasetSummary | null {
  if (s.phase === 'ready') return s.summary;
  if (s.phase === 'loading') return s.stored ?? null;
  return null;
}

export function useDatasetSummary(): DatasetSummary | null {
  return datasetSummary(useDatasetStatus());
}
