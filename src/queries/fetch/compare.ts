import type { Queryable } from '../../db/types';
import { compareSql, unitsWithReportSql } from '../../sql';
import type { CompareParams, CompareResult, CompareRow } from '../types';

export async function fetchCompare(db: Queryable, p: CompareParams): Promise<CompareResult> {
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
