/**
 * How a unit is named wherever it is shown (legend, axis, tables, search results, exports): short
 * when no other loaded unit shares the name, else with the government it belongs to
 * (鼓楼区 · 南京市, 公安局 · 平潭综合实验区). One function over the set of loaded units, so every
 * view names a unit alike.
 */
import type { RegionLevel } from '../report';
import { isOwnGovernment, localName, normalizeName, type UnitKind } from './identity';

/** One unit of the loaded dataset, as the unit directory query returns it. */
export interface UnitInfo {
  unitId: string;
  /** The name printed in its latest report. */
  unit: string;
  kind: UnitKind;
  parentUnitId: string | null;
  regionCode: string | null;
  regionName: string | null;
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: RegionLevel | null;
  /** Every name it printed (a renamed body has several), when the query asked for them. */
  names?: string[];
}

export interface UnitLabel {
  /** What to print: the short name, or the short name · its government when that is ambiguous. */
  label: string;
  /** The unit's own name, without the government's title or prefix. */
  short: string;
  /** The government it belongs to, by name, when known. */
  parent: string | null;
}

export const LABEL_SEPARATOR = ' · ';

/** The places above a region (not the region itself): the prefixes a government's name may carry. */
function ancestors(u: UnitInfo): string[] {
  return [u.province, u.prefecture, u.county].filter(
    (n): n is string => n !== null && n !== '' && n !== u.regionName,
  );
}

/**
 * A unit's own short name: a government by its place (淮安市洪泽区人民政府 → 洪泽区; an OCR slip such
 * as 沐阳县 gives way to the region's spelling 沭阳县), any other body by its printed name.
 */
export function shortName(u: UnitInfo): string {
  if (!isOwnGovernment(u.kind, u.level) || !u.regionName) return normalizeName(u.unit);
  const own = localName(u.unit, ancestors(u), u.kind);
  const region = normalizeName(u.regionName);
  return nearlyEqual(own, region) ? region : own;
}

/** Same length, at most one character apart: a misprint of the same name. */
function nearlyEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff <= 1;
}

/** The region name of the government above a unit, from its own columns (when the parent has no report). */
function parentPlace(u: UnitInfo): string | null {
  if (!isOwnGovernment(u.kind, u.level)) return u.regionName;
  if (u.level === 'township') return u.county ?? u.prefecture ?? u.province;
  if (u.level === 'county') return u.prefecture ?? u.province;
  if (u.level === 'prefecture') return u.province;
  return null;
}

/**
 * Labels for every unit of `units`. A department printed without its government's name (公安局)
 * always carries it; any other unit only when another unit of the set has the same short name.
 * Two same-named units under same-named governments fall back to their region codes.
 */
export function unitLabels(units: readonly UnitInfo[]): Map<string, UnitLabel> {
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const shorts = new Map(units.map((u) => [u.unitId, shortName(u)]));
  const count = new Map<string, number>();
  for (const s of shorts.values()) count.set(s, (count.get(s) ?? 0) + 1);
  const out = new Map<string, UnitLabel>();
  // A loaded parent is named by its own label (公安局 · 鼓楼区 · 南京市); the guard stops a cycle.
  const labelOf = (u: UnitInfo, depth: number): UnitLabel => {
    const done = out.get(u.unitId);
    if (done) return done;
    const short = shorts.get(u.unitId)!;
    const p = u.parentUnitId ? byId.get(u.parentUnitId) : undefined;
    const parent = p && p !== u && depth < 4 ? labelOf(p, depth + 1).label : parentPlace(u);
    const bare =
      !isOwnGovernment(u.kind, u.level) &&
      u.regionName !== null &&
      !ancestorsAndSelf(u).some((a) => short.startsWith(a.replace(/(省|市|县|区)$/, '')));
    const qualify = parent !== null && (bare || (count.get(short) ?? 0) > 1);
    const label = { label: qualify ? `${short}${LABEL_SEPARATOR}${parent}` : short, short, parent };
    out.set(u.unitId, label);
    return label;
  };
  for (const u of units) labelOf(u, 0);
  // Still equal (two 城关镇 under two 城关区): the region code tells them apart.
  const seen = new Map<string, number>();
  for (const l of out.values()) seen.set(l.label, (seen.get(l.label) ?? 0) + 1);
  for (const [id, l] of out) {
    const code = byId.get(id)!.regionCode;
    if ((seen.get(l.label) ?? 0) > 1 && code) out.set(id, { ...l, label: `${l.label} (${code})` });
  }
  return out;
}

function ancestorsAndSelf(u: UnitInfo): string[] {
  return [u.province, u.prefecture, u.county, u.regionName].filter(
    (n): n is string => n !== null && n.length >= 2,
  );
}

/** A label for a unit id the set does not hold (a stale link): the id itself, marked. */
export function labelOf(labels: ReadonlyMap<string, UnitLabel>, unitId: string, fallback?: string): string {
  return labels.get(unitId)?.label ?? fallback ?? unitId;
}
