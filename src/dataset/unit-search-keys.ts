/**
 * The unit picker's search keys, computed in JS because DuckDB has no pinyin: one row of
 * `unit_pinyin` (src/sql/derived.ts) per unit. In the browser they are computed in a worker of
 * their own (src/db/unit-search.worker.ts), off the main thread a person's input needs; the CLI
 * computes them for a dataset's shipped unit index (./shipped-late.ts).
 */
import { foldName } from '../domain/units/fold';
import { shortName, type UnitInfo } from '../domain/units/labels';
import type { UnitPinyinRow } from '../sql/derived';
import { readUnits } from '../sql/units';

export type Pinyin = typeof import('pinyin-pro')['pinyin'];

/**
 * Bump when what `unitSearchRow` computes changes: a dataset's shipped unit index
 * (./shipped-late.ts) names the version its keys were computed by.
 */
export const SEARCH_KEYS_VERSION = 1;

/** What the unit index reads of a unit (src/sql/units.ts `unitFactsSql`, read by `readUnits`). */
export type UnitFacts = UnitInfo & { names: string[] | null };

/**
 * Computes every unit's search keys from the unit facts' one text (in a worker in the browser,
 * ./unit-search-worker.ts: the text is one string to hand over, not thousands of objects).
 */
export type SearchRows = (packedFacts: string | null) => Promise<UnitPinyinRow[]>;

/** Full pinyin without tones or spaces, and initials, lower-case: 济源市 → jiyuanshi, jys. */
function unitPinyin(pinyin: Pinyin, name: string): [string, string] {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
  return [full.replace(/\s+/g, ''), initials.replace(/\s+/g, '')];
}

/**
 * A unit's search keys: pinyin of its short name (洪泽区, not 淮安市洪泽区人民政府), its printed
 * names folded (an OCR slip 沐阳县 and the region's 沭阳县 fold alike, ../domain/units/fold.ts),
 * and its places folded (迁安 finds 大五里镇 of 迁安市).
 */
export function unitSearchRow(
  pinyin: Pinyin,
  f: UnitFacts,
  fold: (text: string) => string = foldName,
): UnitPinyinRow {
  const short = shortName(f);
  const [full, initials] = unitPinyin(pinyin, short);
  const names = [...new Set([short, ...(f.names ?? [f.unit])].map((n) => fold(n).toLowerCase()))];
  const places = [f.province, f.prefecture, f.county, f.regionName].filter((p): p is string => !!p);
  return [f.unitId, short, full, initials, names.join('|'), places.map((p) => fold(p)).join('|')];
}

/**
 * `foldName` remembering its answers, for one pass over every unit: thousands of units share a
 * few hundred places (provinces, prefectures, counties), and NFKC costs more than the pinyin.
 */
export function memoFold(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = foldName(text);
      seen.set(text, out);
    }
    return out;
  };
}

/** Every unit's search keys in one pass, pinyin-pro loaded now (~0.25 MB of script). */
export async function searchRows(packedFacts: string | null): Promise<UnitPinyinRow[]> {
  const { pinyin } = await import('pinyin-pro');
  const fold = memoFold();
  return readUnits(packedFacts).map((f) => unitSearchRow(pinyin, f, fold));
}
