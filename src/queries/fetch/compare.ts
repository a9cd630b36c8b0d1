import type { Queryable } from '../../db/types';
import { compareSql, unitsWithReportSql } from '../../sql';
import type { CompareParams, CompareResult, CompareRow } from '../types';

export async function fetchCompare(db: Queryable, p: CompareParams): Promise<CompareResult> {
  const rows = await db.query<CompareRow>(compareSql(p));
  if (p.units.length === 0) return { rows, missing: [] };
  const present = new Set(
    (await db.query<{ unit: string }>(unitsWithReportSql(p.units, p.year))).map((r) => r.unit),
  );
  return { rows, missing: p.units.filter((u) => !present.has(u)) };
}
