import type { Queryable } from '../../db/types';
import type { UnitInfo } from '../../domain/units/labels';
import { lowerRegionsSql, unitDirectorySql, unitSearchSql } from '../../sql';
import type { UnitHit, UnitSearchParams } from '../types';

export function fetchUnitSearch(db: Queryable, p: UnitSearchParams): Promise<UnitHit[]> {
  return db.query<UnitHit>(unitSearchSql(p));
}

export function fetchUnitDirectory(db: Queryable): Promise<UnitInfo[]> {
  return db.query<UnitInfo>(unitDirectorySql());
}

export function fetchLowerRegions(db: Queryable, code: string): Promise<{ code: string; name: string }[]> {
  return db.query<{ code: string; name: string }>(lowerRegionsSql(code));
}
