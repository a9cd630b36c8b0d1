import type { Queryable } from '../../db/types';
import { provinceMapSql } from '../../sql';
import type { ProvinceMapParams, ProvinceMapResult, ProvinceMapRow } from '../types';

export async function fetchProvinceMap(db: Queryable, p: ProvinceMapParams): Promise<ProvinceMapResult> {
  return { rows: await db.query<ProvinceMapRow>(provinceMapSql(p)), params: p };
}
