import { regionPinyin } from '../../src/dataset/region-rows';
import { createRegionIndex, type RegionIndex } from '../../src/region/region-index';
import { loadRegionEntries } from './region-data';

let index: Promise<RegionIndex> | undefined;

/**
 * The region index over the whole package (townships included), built once per process. Divisions
 * down to county level carry pinyin so a source URL's host can break ties (xncz.gov.cn → 西宁 城中区).
 */
export function regionIndex(): Promise<RegionIndex> {
  index ??= loadRegionEntries().then((entries) =>
    createRegionIndex(
      entries.map((e) => (e.level === 'township' ? e : { ...e, pinyin: regionPinyin(e.name) })),
    ),
  );
  return index;
}
