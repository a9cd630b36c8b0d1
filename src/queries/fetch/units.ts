import type { Queryable } from '../../db/types';
import { unitSearchSql } from '../../sql';
import type { UnitHit, UnitSearchParams } from '../types';

export function fetchUnitSearch(db: Queryable, p: UnitSearchParams): Promise<UnitHit[]> {
  return db.query<UnitHit>(unitSearchSql(p));
}
