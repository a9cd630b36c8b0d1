/**
 * A roster's names as the units they stand for, under one government: each name gets the
 * unit_id `cli ingest` gives that body's reports (same region, same name rules), so "on the
 * roster" and "in the data" meet on unit_id without matching names by hand.
 */
import type { RegionLevel } from '../domain/report';
import type { UnitInfo } from '../domain/units/labels';
import { classifyUnit } from '../region/unit-kind';
import { identityOf } from './unit-identity';

export interface ExpectedUnit {
  unitId: string;
  name: string;
}

/** The units of `names` under `government` (a unit of the directory with a region). */
export function rosterUnits(names: readonly string[], government: UnitInfo): ExpectedUnit[] {
  if (!government.regionCode || !government.level) return [];
  const placement = {
    region: {
      code: government.regionCode,
      name: government.regionName ?? '',
      level: government.level as RegionLevel,
    },
    province: government.province,
    prefecture: government.prefecture,
    county: government.county,
  };
  const out = new Map<string, ExpectedUnit>();
  for (const name of names) {
    const { unitId } = identityOf(name, classifyUnit(name), placement, undefined);
    if (unitId !== government.unitId && !out.has(unitId)) out.set(unitId, { unitId, name });
  }
  return [...out.values()];
}
