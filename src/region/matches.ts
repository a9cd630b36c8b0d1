import { foldName, normalizeUnit } from './normalize';
import type { RegionIndex } from './region-index';
import type { RegionEntry } from './types';

/** A region name found in a unit string: the span and every division of that name. */
export interface NameMatch {
  start: number;
  end: number;
  text: string;
  entries: RegionEntry[];
}

/**
 * What may follow a township name for it to be the unit's own place: nothing, or the organ's
 * title. Anywhere else a township name is a coincidence (a department called after a street, a
 * town called 城区 inside 城区管理局), so it is ignored.
 */
const TOWNSHIP_TAIL = /^(人民政府|政府|街道办事处|办事处|党委|党工委|管委会|管理委员会)?$/;
/** Township names that are real place names; generic ones (城区, 社区, 农场) only if long. */
const TOWNSHIP_NAME = /(乡|镇|街道|苏木)$/;

/**
 * Every region name inside `text`, keeping only the longest where one name lies inside another
 * (洪泽区 inside 洪泽区... but 济源市 inside 济源市沁园街道 drops out).
 */
export function findNameMatches(index: RegionIndex, text: string): NameMatch[] {
  const normal = normalizeUnit(text);
  const folded = foldName(normal);
  const found: NameMatch[] = [];
  for (let start = 0; start < folded.length; start++) {
    const longest = Math.min(index.maxNameLength, folded.length - start);
    for (let len = longest; len >= 2; len--) {
      const entries = index.byName.get(folded.slice(start, start + len));
      if (!entries) continue;
      const end = start + len;
      const tail = normal.slice(end).replace(/\([^)]*\)/g, '');
      const kept = entries.filter(
        (e) =>
          e.level !== 'township' || ((TOWNSHIP_NAME.test(e.name) || len >= 4) && TOWNSHIP_TAIL.test(tail)),
      );
      if (kept.length > 0)
        found.push({
          start,
          end,
          text: normal.slice(start, end),
          entries: preferExact(kept, normal.slice(start, end)),
        });
    }
  }
  return found.filter(
    (m) =>
      !found.some(
        (o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start,
      ),
  );
}

/** When folding merged two spellings (沐/沭), the one printed exactly wins; aliases are kept. */
function preferExact(entries: RegionEntry[], printed: string): RegionEntry[] {
  if (!entries.some((e) => normalizeUnit(e.name) === printed)) return entries;
  const key = foldName(printed);
  return entries.filter((e) => normalizeUnit(e.name) === printed || foldName(e.name) !== key);
}
