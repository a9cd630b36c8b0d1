/** Unit search by name, pinyin or initials, within a province, level or parent region. */
import { QUERY_DEFAULTS, type RegionLevel } from '../domain/vocab';
import { Binder, type BoundQuery } from './bound';
import { eq, where } from './filters';
import { alias, id } from './schema';

export interface UnitSearchQuery {
  text?: string;
  province?: string | null;
  level?: RegionLevel | null;
  parentCode?: string | null;
  limit?: number;
}

/** GB/T 2260 codes pad lower levels with zeros: 410000 → 41, 419000 → 4190 (descendants share the prefix). */
export function regionPrefix(code: string): string {
  let p = code.trim();
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

export function unitSearchSql(q: UnitSearchQuery): BoundQuery {
  const b = new Binder();
  const text = (q.text ?? '').trim().toLowerCase();
  // contains()/starts_with() take the text literally: no LIKE wildcards to escape.
  const t = text ? b.v(text) : null;
  const match = t
    ? `(contains(lower(${id('unit')}), ${t}) OR contains(${id('pinyin')}, ${t}) OR starts_with(${id('initials')}, ${t}) OR contains(${id('initials')}, ${t}))`
    : null;
  const parent = q.parentCode
    ? `starts_with(${id('region_code')}, ${b.v(regionPrefix(q.parentCode))})`
    : null;
  const rank = t
    ? `CASE WHEN starts_with(lower(${id('unit')}), ${t}) OR starts_with(${id('pinyin')}, ${t}) OR starts_with(${id('initials')}, ${t}) THEN 0 ELSE 1 END`
    : null;
  return b.done(`
SELECT ${id('unit')}, ${id('unit_kind')} AS ${alias('unitKind')}, ${id('region_code')} AS ${alias('regionCode')},
  ${id('province')}, ${id('prefecture')}, ${id('county')}, ${id('level')}, ${id('years')}, ${id('pinyin')}, ${id('initials')}
FROM ${id('units')}
WHERE ${where([match, eq(b, 'province', q.province), eq(b, 'level', q.level), parent])}
ORDER BY ${rank ? `${rank}, ` : ''}length(${id('unit')}), ${id('unit')}
LIMIT ${b.v(q.limit ?? QUERY_DEFAULTS.unitSearch.limit)}`);
}
