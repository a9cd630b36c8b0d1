/** 趋势: one metric over years per unit, absolute / relative (first year = 100) / YoY %. */
import type { Queryable } from '../db/types';
import { trendsSql } from '../sql';
import { dbQuery, sortedSet } from './options';
import type { TrendRow, TrendsParams, TrendsResult } from './types';

export function resolveTrends(p: TrendsParams): TrendsParams {
  return { ...p, units: sortedSet(p.units)!, from: p.from ?? null, to: p.to ?? null };
}

/** Asks nothing while no unit is chosen. */
export const trendsQuery = (p: TrendsParams) =>
  dbQuery('trends', resolveTrends(p), fetchTrends, p.units.length > 0);

export async function fetchTrends(db: Queryable, p: TrendsParams): Promise<TrendsResult> {
  if (p.units.length === 0) return { rows: [], years: [], params: p };
  const rows = await db.query<TrendRow>(trendsSql(p));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { rows, years, params: p };
}
