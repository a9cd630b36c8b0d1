import { pinyin } from 'pinyin-pro';
import type { RegionLevel } from '../domain/report';
import type { RegionRow } from './rows';

/** Any division record with parent links (src/region `RegionEntry` has this shape). */
export interface RegionLike {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

/**
 * The `pinyin` column: full pinyin without tones, then `|`, then the initials, all lowercase
 * (济源市 → `jiyuanshi|jys`), so one `LIKE '%…%'` matches either spelling a user types.
 */
export function regionPinyin(name: string): string {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join(
    '',
  );
  return `${full}|${initials}`.toLowerCase().replace(/[^a-z|]/g, '');
}

/** regions.parquet rows, sorted by code. `province_code` is the code's first two digits + `0000`. */
export function toRegionRows(regions: Iterable<RegionLike>): RegionRow[] {
  const rows: RegionRow[] = [];
  for (const r of regions) {
    rows.push({
      code: r.code,
      name: r.name,
      level: r.level,
      parent_code: r.parent_code,
      province_code: `${r.code.slice(0, 2)}0000`,
      pinyin: regionPinyin(r.name),
    });
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
