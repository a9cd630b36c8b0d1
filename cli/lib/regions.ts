import { createRegionIndex, type RegionIndex } from '../../src/region/region-index';
import { loadRegionEntries } from './region-data';

let index: Promise<RegionIndex> | undefined;

/** The region index over the whole package (townships included), built once per process (~0.4 s). */
export function regionIndex(): Promise<RegionIndex> {
  index ??= loadRegionEntries().then((entries) => createRegionIndex(entries));
  return index;
}
