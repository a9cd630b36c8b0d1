/** 趋势: one metric over years per unit, absolute / relative (first year = 100) / YoY %. */
import { queryOptions } from '@tanstack/react-query';
import type { Queryable } from '../db/types';
import { trendValues } from '../domain/metrics/trend-modes';
import type { TrendMode } from '../domain/vocab';
import { trendsSql } from '../sql';
import { dbQuery, displaySelect, sortedSet } from './options';
import type { TrendRow, TrendsParams, TrendsResult } from './types';

/** The SQL's part of the question; `mode` only re-shapes its answer (src/domain/metrics/trend-modes.ts). */
export type TrendsSqlParams = Omit<TrendsParams, 'mode'>;

export function resolveTrends(p: TrendsParams): TrendsSqlParams {
  const { mode: _shown, ...q } = p;
  return { ...q, units: sortedSet(p.units)!, from: p.from ?? null, to: p.to ?? null };
}

/** Asks nothing while no unit is chosen; switching mode asks nothing either. */
export const trendsQuery = (p: TrendsParams) =>
  queryOptions({
    ...dbQuery('trends', resolveTrends(p), answerTrends, p.units.length > 0),
    select: displaySelect('trends', p.mode, showMode),
  });

export async function fetchTrends(db: Queryable, p: TrendsParams): Promise<TrendsResult> {
  return showMode(await answerTrends(db, resolveTrends(p)), p.mode);
}

/** The absolute rows (`value` = absolute); `showMode` puts them in a mode. */
async function answerTrends(db: Queryable, p: TrendsSqlParams): Promise<TrendsResult> {
  const params = { ...p, mode: 'absolute' as const };
  if (p.units.length === 0) return { rows: [], years: [], params };
  const raw = await db.query<Omit<TrendRow, 'value' | 'crossesBreak'>>(trendsSql(p));
  const rows = raw.map((r) => ({ ...r, value: r.absolute, crossesBreak: false }));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { rows, years, params };
}

function showMode(answer: TrendsResult, mode: TrendMode): TrendsResult {
  if (mode === answer.params.mode) return answer;
  const values = trendValues(answer.rows, mode);
  return {
    ...answer,
    rows: answer.rows.map((r, i) => ({ ...r, ...values[i]! })),
    params: { ...answer.params, mode },
  };
}
