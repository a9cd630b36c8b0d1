/**
 * Links written before unit ids (URL v1) name units by their printed name, which then merged
 * every unit of that name. Once the dataset is loaded, each name becomes the unit(s) that printed
 * it: one unit opens as before; several (鼓楼区 of 南京 and of 福州) open each, apart; a name no
 * unit printed is dropped and reported.
 */
import { normalizeName } from '../domain/units/identity';
import { shortName, type UnitInfo } from '../domain/units/labels';
import type { UrlNotice } from './url/codec';
import { reason } from './url/reasons';

export interface LegacyResolution {
  unitIds: string[];
  /** Names that match no loaded unit. */
  unknown: string[];
  /** Names held by several units, with how many (each is opened). */
  shared: [string, number][];
}

export function resolveLegacyNames(names: readonly string[], units: readonly UnitInfo[]): LegacyResolution {
  const byName = new Map<string, string[]>();
  const add = (name: string, unitId: string) => {
    const key = normalizeName(name);
    const list = byName.get(key) ?? [];
    if (!list.includes(unitId)) list.push(unitId);
    byName.set(key, list);
  };
  for (const u of units) for (const n of u.names ?? [u.unit]) add(n, u.unitId);
  const unitIds: string[] = [];
  const unknown: string[] = [];
  const shared: [string, number][] = [];
  for (const name of names) {
    const key = normalizeName(name);
    // A printed name first; a short name (洪泽区 for 淮安市洪泽区人民政府) only when no unit printed it.
    const ids = byName.get(key) ?? units.filter((u) => shortName(u) === key).map((u) => u.unitId);
    if (ids.length === 0) unknown.push(name);
    if (ids.length > 1) shared.push([name, ids.length]);
    for (const id of ids) if (!unitIds.includes(id)) unitIds.push(id);
  }
  return { unitIds, unknown, shared };
}

/** The notices the banner shows for one resolution (the codec's notice shape). */
export function legacyNotices(param: string, r: LegacyResolution): UrlNotice[] {
  return [
    ...r.unknown.map((value) => ({ param, value, reason: reason('unknownUnitName') })),
    ...r.shared.map(([value, n]) => ({
      param,
      value,
      reason: reason('sharedUnitName', { n }),
    })),
  ];
}
