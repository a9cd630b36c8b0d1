/** Units: the picker's search, the directory every label comes from, the regions under a region. */
import type { Queryable } from '../db/types';
import type { UnitInfo } from '../domain/units/labels';
import { QUERY_DEFAULTS } from '../domain/vocab';
import type { BoundQuery } from '../sql';
import { lowerRegionsSql, readUnits, unitDirectorySql, unitSearchSql } from '../sql';
import { dbQuery } from './options';
import type { UnitHit, UnitSearchParams } from './types';

export function resolveUnitSearch(p: UnitSearchParams): UnitSearchParams {
  return {
    text: (p.text ?? '').trim().toLowerCase(),
    province: p.province ?? null,
    level: p.level ?? null,
    parentCode: p.parentCode ?? null,
    parentUnitId: p.parentUnitId ?? null,
    kind: p.kind ?? null,
    limit: p.limit ?? QUERY_DEFAULTS.unitSearch.limit,
  };
}

/** Unit picker: name / pinyin / initials match, optionally within a province, level or parent region. */
export const unitSearchQuery = (p: UnitSearchParams) =>
  dbQuery('units', resolveUnitSearch(p), fetchUnitSearch);

/**
 * The unit picker's statements for a search by text and by province (values aside, one text
 * each): prepared at a quiet moment after the load (`prepareQuietly`), the first search or
 * province pick skips a 15–20 ms prepare queued behind its view's own statement (issue 12).
 */
export function unitSearchStatements(): BoundQuery[] {
  return [{ text: 'a' }, { province: 'a' }].map((p) => unitSearchSql(resolveUnitSearch(p)));
}

export function fetchUnitSearch(db: Queryable, p: UnitSearchParams): Promise<UnitHit[]> {
  return db.query<UnitHit>(unitSearchSql(resolveUnitSearch(p)));
}

/**
 * Every loaded unit with what its label needs (src/domain/units/labels.ts). One query on
 * reports, answered as one text (src/sql/units.ts); every view names units through it, so
 * same-named units read apart everywhere.
 */
export const unitDirectoryQuery = () => dbQuery('unit-directory', null, fetchUnitDirectory);

export async function fetchUnitDirectory(db: Queryable): Promise<UnitInfo[]> {
  const [answer] = await db.query<{ units: string | null }>(unitDirectorySql());
  return readUnits(answer?.units ?? null);
}

/** The divisions under a region (GB/T 2260): the governments a prefecture is expected to have report. */
export const lowerRegionsQuery = (code: string | null) =>
  dbQuery('lower-regions', code, (db, c) => fetchLowerRegions(db, c ?? ''), code !== null);

export function fetchLowerRegions(db: Queryable, code: string): Promise<{ code: string; name: string }[]> {
  return db.query<{ code: string; name: string }>(lowerRegionsSql(code));
}
