/** 省份地图: one metric for a year aggregated per province (Σnumerator / Σdenominator for rates). */
import type { Queryable } from '../db/types';
import { provinceMapSql } from '../sql';
import { dbQuery, sortedSet } from './options';
import type { ProvinceMapParams, ProvinceMapResult, ProvinceMapRow } from './types';

/** The question with its defaults filled in (all of it reaches the SQL). */
export function resolveProvinceMap(p: ProvinceMapParams): ProvinceMapParams {
  return { ...p, units: sortedSet(p.units)!, level: p.level ?? null, latestEach: p.latestEach ?? false };
}

export const provinceMapQuery = (p: ProvinceMapParams, enabled = true) =>
  dbQuery('province-map', resolveProvinceMap(p), fetchProvinceMap, enabled);

export async function fetchProvinceMap(db: Queryable, p: ProvinceMapParams): Promise<ProvinceMapResult> {
  return { rows: await db.query<ProvinceMapRow>(provinceMapSql(p)), params: p };
}
