import type { Queryable } from '../../db/types';
import type { UnitInfo } from '../../domain/units/labels';
import { unitDirectorySql, unitSearchSql } from '../../sql';
import type { UnitHit, UnitSearchParams } from '../types';

export function fetchUnitSearch(db: Queryable, p: UnitSearchParams): Promise<UnitHit[]> {
  return db.query<UnitHit>(unitSearchSql(p));
}

export function fetchUnitDirectory(db: Queryable): Promise<UnitInfo[]> {
  return db.query<UnitInfo>(unitDirectorySql());
}
