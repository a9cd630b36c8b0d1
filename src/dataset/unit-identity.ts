/**
 * A report's unit_id and parent_unit_id from where it was placed (src/domain/units/identity.ts
 * says what they mean). Shared by the CLI, the synthetic generator, browser import and the loader
 * of datasets written before the columns existed, so all four agree.
 */
import type { RegionRef } from '../domain/report';
import {
  parentCodeByArithmetic,
  parentUnitId,
  type UnitAliases,
  type UnitKind,
  unitId,
} from '../domain/units/identity';
import { REGION_ALIASES } from '../region/aliases';

export interface UnitPlacement {
  region: RegionRef;
  province: string | null;
  prefecture: string | null;
  county: string | null;
}

export interface UnitIdentity {
  unitId: string;
  parentUnitId: string | null;
}

/** The region's names and its ancestors', plus the names it goes by (平潭综合实验区 for 平潭县). */
export function placeNamesOf(p: UnitPlacement | null): string[] {
  if (!p) return [];
  const names = [p.province, p.prefecture, p.county, p.region.name].filter((n): n is string => !!n);
  for (const a of REGION_ALIASES) if (a.code === p.region.code) names.push(a.name);
  return names;
}

/**
 * `regionParentCode`: the parent of the placed region in the dataset's region tree; undefined
 * when the tree is not at hand (then it is inferred from the code, see parentCodeByArithmetic).
 */
export function identityOf(
  unit: string,
  kind: UnitKind,
  placement: UnitPlacement | null,
  regionParentCode: string | null | undefined,
  aliases?: UnitAliases,
): UnitIdentity {
  const facts = {
    unit,
    kind,
    regionCode: placement?.region.code ?? null,
    regionLevel: placement?.region.level ?? null,
    placeNames: placeNamesOf(placement),
  };
  const code = facts.regionCode;
  const parentCode =
    regionParentCode !== undefined ? regionParentCode : code ? parentCodeByArithmetic(code) : null;
  return { unitId: unitId(facts, aliases), parentUnitId: parentUnitId(facts, parentCode) };
}
