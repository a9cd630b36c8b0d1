import type { Queryable } from '../../db/types';
import { trendsSql } from '../../sql';
import type { TrendRow, TrendsParams, TrendsResult } from '../types';

export async function fetchTrends(db: Queryable, p: TrendsParams): Promise<TrendsResult> {
  if (p.units.length === 0) return { rows: [], years: [], params: p };
  const rows = await db.query<TrendRow>(trendsSql(p));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { rows, years, params: p };
}
