/**
 * The dashboard's data hooks. Each hook takes one params object (types in ./types.ts), runs the
 * matching SQL builder of src/sql on the DuckDB worker and returns narrowed plain rows that
 * charts consume directly. Common behaviour:
 * - disabled (status 'pending', no fetch) until the dataset is loaded (`useDatasetStatus`);
 * - `placeholderData: keepPreviousData`: while new params load, `data` still holds the previous
 *   result and `isPlaceholderData` is true, so a chart stays put instead of flashing empty;
 * - query keys come from `queryKeys` (./keys.ts), normalised (unit lists sorted etc.);
 * - results never change for a loaded dataset: `staleTime: Infinity`; loading another dataset
 *   invalidates everything under `queryKeys.all`.
 *
 * Start-up: call `initDatabase(datasetBaseUrl, onProgress)` once (re-exported from src/db).
 */
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { getDatabase, getStatus, subscribeStatus } from '../db/client';
import type { Anomaly } from '../domain/anomalies';
import type { UnitInfo } from '../domain/units/labels';
import type { CellSourceRow } from '../sql';
import { fetchAnomalies } from './fetch/anomalies';
import { fetchCompare } from './fetch/compare';
import { fetchOutcomes } from './fetch/outcomes';
import { fetchPivot } from './fetch/pivot';
import { fetchQuality } from './fetch/quality';
import { fetchCellSources, fetchReport } from './fetch/report';
import { fetchTrends } from './fetch/trends';
import { fetchLowerRegions, fetchUnitDirectory, fetchUnitSearch } from './fetch/units';
import { queryKeys } from './keys';
import type {
  CompareParams,
  CompareResult,
  DatasetStatus,
  OutcomesParams,
  OutcomesResult,
  PivotParams,
  PivotResult,
  QualityParams,
  QualityResult,
  ReportDetail,
  ReportParams,
  TrendsParams,
  TrendsResult,
  UnitHit,
  UnitSearchParams,
} from './types';

// The dataset's own operations, for the views: they reach the database only through this module.
export { encodeParquet, exportParquet, initDatabase, loadParquetBytes } from '../db/client';
export type { CellSourceRow } from '../sql';
export { queryKeys } from './keys';
export * from './types';

/** Loading progress, then the dataset summary (counts, years, provinces), or the load error. */
export function useDatasetStatus(): DatasetStatus {
  return useSyncExternalStore(subscribeStatus, getStatus, getStatus);
}

function useDbQuery<P, R>(
  key: readonly unknown[],
  params: P,
  fetcher: (db: ReturnType<typeof getDatabase>, p: P) => Promise<R>,
  enabled = true,
): UseQueryResult<R> {
  const ready = useDatasetStatus().phase === 'ready';
  return useQuery({
    queryKey: key,
    queryFn: () => fetcher(getDatabase(), params),
    enabled: ready && enabled,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** 对比: one metric for a year, one bar per unit, sorted by value (nulls last). */
export function useCompare(params: CompareParams): UseQueryResult<CompareResult> {
  return useDbQuery(queryKeys.compare(params), params, fetchCompare);
}

/** 趋势: one metric over years per unit, absolute / relative (first year = 100) / YoY %. Disabled with no units. */
export function useTrends(params: TrendsParams): UseQueryResult<TrendsResult> {
  return useDbQuery(queryKeys.trends(params), params, fetchTrends, params.units.length > 0);
}

/** 办理结果: stacked outcome groups (or single rows) per unit for a year. Disabled with no units. */
export function useOutcomes(params: OutcomesParams): UseQueryResult<OutcomesResult> {
  return useDbQuery(queryKeys.outcomes(params), params, fetchOutcomes, params.units.length > 0);
}

/** 透视: table-三 sums, shares or a rate over chosen row/column dimensions, with totals. */
export function usePivot(params: PivotParams): UseQueryResult<PivotResult> {
  return useDbQuery(queryKeys.pivot(params), params, fetchPivot);
}

/** 年报: one unit-year as tables 二/三/四 with failed checks attached to cells; null when absent. */
export function useReport(params: ReportParams | null): UseQueryResult<ReportDetail | null> {
  const p = params ?? { reportId: '' };
  return useDbQuery(queryKeys.report(p), p, fetchReport, params !== null);
}

/**
 * Where each figure of one report was printed (the optional `src_` columns of cells), by
 * `table.row.col`; read only when the Report view shows a figure's source.
 */
export function useCellSources(reportId: string | null): UseQueryResult<Map<string, CellSourceRow>> {
  return useDbQuery(
    queryKeys.cellSources(reportId ?? ''),
    reportId ?? '',
    fetchCellSources,
    reportId !== null,
  );
}

/** 数据质量: unit × year coverage matrix and the failed-check list. */
export function useQuality(params: QualityParams): UseQueryResult<QualityResult> {
  return useDbQuery(queryKeys.quality(params), params, fetchQuality);
}

/**
 * Every loaded unit with what its label needs (src/domain/units/labels.ts). One small query on
 * reports; every view names units through it, so same-named units read apart everywhere.
 */
export function useUnitDirectory(): UseQueryResult<UnitInfo[]> {
  return useDbQuery(queryKeys.unitDirectory(), null, (db) => fetchUnitDirectory(db));
}

/** The divisions under a region (GB/T 2260): the governments a prefecture is expected to have report. */
export function useLowerGovernments(code: string | null): UseQueryResult<{ code: string; name: string }[]> {
  return useDbQuery(
    queryKeys.lowerRegions(code),
    code,
    (db, c) => fetchLowerRegions(db, c ?? ''),
    code !== null,
  );
}

/** Unit picker: name / pinyin / initials match, optionally within a province, level or parent region. */
export function useUnitSearch(params: UnitSearchParams): UseQueryResult<UnitHit[]> {
  return useDbQuery(queryKeys.unitSearch(params), params, fetchUnitSearch);
}

/**
 * Anomaly flags over everything loaded (src/domain/anomalies). One query over all reports, so it
 * is asked for only where shown (Quality, and Trends once its chart has data), never at start-up.
 */
export function useAnomalies(enabled = true): UseQueryResult<Anomaly[]> {
  return useDbQuery(queryKeys.anomalies(), null, (db) => fetchAnomalies(db), enabled);
}
