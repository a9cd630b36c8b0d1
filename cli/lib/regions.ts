import { regionPinyin } from '../../src/dataset/region-rows';
import { loadRegionEntries } from '../../src/region/node/region-data';
import { createRegionIndex, type RegionIndex } from '../../src/region/region-index';
import type { RegionEntry } from '../../src/region/types';

let index: Promise<RegionIndex> | undefined;

/**
 * The region index over the whole package (townships included), built once per process. Divisions
 * down to county level carry pinyin so a source URL's host can break ties (xncz.gov.cn → 西宁 城中区);
 * it is computed on first read, since only tied candidates ever need it (all 3.6k take ~0.5 s).
 */
export function regionIndex(): Promise<RegionIndex> {
  index ??= loadRegionEntries().then((entries) =>
    createRegionIndex(entries.map((e) => (e.level === 'township' ? e : withLazyPinyin(e)))),
  );
  return index;
}

function withLazyPinyin(entry: RegionEntry): RegionEntry {
  let pinyin: string | undefined;
  return Object.defineProperty({ ...entry }, 'pinyin', {
    get: () => {
      pinyin ??= regionPinyin(entry.name);
      return pinyin;
    },
    enumerable: true,
  });
}
