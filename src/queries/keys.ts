/**
 * Query keys from one factory. Params are normalised first (unit and filter lists sorted and
 * deduplicated, undefined dropped, defaults filled) so that equal questions share a cache entry
 * whatever order the UI built them in.
 */
import { QUERY_DEFAULTS as D, PIVOT_DIMS, type PivotFilters } from '../domain/vocab';
import type {
  CompareParams,
  OutcomesParams,
  PivotParams,
  QualityParams,
  ReportParams,
  TrendsParams,
  UnitSearchParams,
} from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Sort and dedupe a list of strings/numbers; order-insensitive lists only. */
export function sortedSet<T extends string | number>(list: readonly T[] | undefined): T[] | undefined {
  if (!list) return undefined;
  return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Drop undefined values and sort object keys recursively: a stable, JSON-able key part. */
export function normaliseKey(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normaliseKey);
  if (typeof value === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = normaliseKey(v);
    }
    return out;
  }
  return value as Json;
}

const sortFilters = (f: PivotFilters): PivotFilters =>
  Object.fromEntries(PIVOT_DIMS.filter((d) => f[d] !== undefined).map((d) => [d, sortedSet(f[d])]));

export const queryKeys = {
  all: ['db'] as const,
  status: () => ['db', 'status'] as const,
  cellSources: (reportId: string) => ['db', 'cellSources', reportId] as const,
  compare: (p: CompareParams) =>
    [
      'db',
      'compare',
      normaliseKey({
        ...p,
        units: sortedSet(p.units),
        order: p.order ?? D.compare.order,
        limit: p.limit ?? D.compare.limit,
        province: p.province ?? null,
        level: p.level ?? null,
        kind: p.kind ?? null,
        parent: p.parent ?? null,
      }),
    ] as const,
  trends: (p: TrendsParams) =>
    [
      'db',
      'trends',
      normaliseKey({ ...p, units: sortedSet(p.units), from: p.from ?? null, to: p.to ?? null }),
    ] as const,
  outcomes: (p: OutcomesParams) =>
    [
      'db',
      'outcomes',
      normaliseKey({
        ...p,
        units: sortedSet(p.units),
        groups: sortedSet(p.groups),
        rows: sortedSet(p.rows),
        applicant: p.applicant ?? D.applicant,
      }),
    ] as const,
  // Pivot dims are ordered (nesting), so only the filters are sorted.
  pivot: (p: PivotParams) =>
    [
      'db',
      'pivot',
      normaliseKey({
        ...p,
        filters: sortFilters(p.filters),
        sort: p.sort ?? D.pivot.sort,
        totals: p.totals ?? D.pivot.totals,
        limit: p.limit ?? D.pivot.limit,
      }),
    ] as const,
  anomalies: () => ['db', 'anomalies'] as const,
  report: (p: ReportParams) => ['db', 'report', normaliseKey(p)] as const,
  quality: (p: QualityParams) =>
    [
      'db',
      'quality',
      normaliseKey({
        ...p,
        provinces: sortedSet(p.provinces),
        levels: sortedSet(p.levels),
        years: sortedSet(p.years),
        units: sortedSet(p.units),
        rules: sortedSet(p.rules),
        problemsOnly: p.problemsOnly ?? D.quality.problemsOnly,
        checksLimit: p.checksLimit ?? D.quality.checksLimit,
        reviewed: p.reviewed ? { keys: sortedSet(p.reviewed.keys), in: p.reviewed.in } : null,
      }),
    ] as const,
  unitDirectory: () => ['db', 'unit-directory'] as const,
  lowerRegions: (code: string | null) => ['db', 'lower-regions', code] as const,
  unitSearch: (p: UnitSearchParams) =>
    [
      'db',
      'units',
      normaliseKey({
        text: (p.text ?? '').trim().toLowerCase(),
        province: p.province ?? null,
        level: p.level ?? null,
        parentCode: p.parentCode ?? null,
        parentUnitId: p.parentUnitId ?? null,
        kind: p.kind ?? null,
        limit: p.limit ?? D.unitSearch.limit,
      }),
    ] as const,
};
