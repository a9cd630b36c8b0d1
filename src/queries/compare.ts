/** 对比: one metric for a year, one bar per unit, sorted by value (nulls last). */
import type { Queryable } from '../db/types';
import { QUERY_DEFAULTS } from '../domain/vocab';
import { compareSql } from '../sql';
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
  if (p.units.length === 0) {
    return { rows: await db.query<CompareRow>(compareSql(p)), missing: [], filteredOut: [], params: p };
  }
  // Chosen units: every one's report comes back with whether the province / level filter keeps
  // it, so one statement also tells the missing units from the filtered-out ones.
  const all = await db.query<CompareRow & { inScope: boolean }>(compareSql(p));
  const rows: CompareRow[] = [];
  const has = new Set<string>();
  const drawn = new Set<string>();
  const limit = p.limit ?? QUERY_DEFAULTS.compare.limit;
  for (const { inScope, ...row } of all) {
    has.add(row.unitId);
    if (!inScope || rows.length >= limit) continue;
    rows.push(row);
    drawn.add(row.unitId);
  }
  return {
    rows,
    missing: p.units.filter((u) => !has.has(u)),
    filteredOut: p.units.filter((u) => has.has(u) && !drawn.has(u)),
    params: p,
  };
}
