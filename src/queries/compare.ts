/** 对比: one metric for a year, one bar per unit, sorted by value (nulls last). */
import type { Queryable } from '../db/types';
import { QUERY_DEFAULTS } from '../domain/vocab';
import { compareSql, unitsWithReportSql } from '../sql';
import { dbQuery, sortedSet } from './options';
import type { CompareParams, CompareResult, CompareRow } from './types';

/** The question with its defaults filled in (all of it reaches the SQL). */
export function resolveCompare(p: CompareParams): CompareParams {
  return {
    ...p,
    units: sortedSet(p.units)!,
    order: p.order ?? QUERY_DEFAULTS.compare.order,
    limit: p.limit ?? QUERY_DEFAULTS.compare.limit,
    province: p.province ?? null,
    level: p.level ?? null,
    kind: p.kind ?? null,
    parent: p.parent ?? null,
  };
}

export const compareQuery = (p: CompareParams) => dbQuery('compare', resolveCompare(p), answerCompare);

export const fetchCompare = (db: Queryable, p: CompareParams) => answerCompare(db, resolveCompare(p));

async function answerCompare(db: Queryable, p: CompareParams): Promise<CompareResult> {
  // Both statements in one go: each await is a round trip to the DuckDB worker.
  const [rows, present] = await Promise.all([
    db.query<CompareRow>(compareSql(p)),
    p.units.length === 0 ? [] : db.query<{ unitId: string }>(unitsWithReportSql(p.units, p.year)),
  ]);
  const drawn = new Set(rows.map((r) => r.unitId));
  // With each unit's latest year, a unit is missing when it has no report up to `year` at all.
  const has = p.latestEach ? drawn : new Set(present.map((r) => r.unitId));
  return {
    rows,
    missing: p.units.filter((u) => !has.has(u)),
    filteredOut: p.units.filter((u) => has.has(u) && !drawn.has(u)),
    params: p,
  };
}
