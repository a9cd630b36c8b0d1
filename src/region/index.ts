/** GB/T 2260 resolution of unit names; data is passed in, so Node and the browser share it. */
export { REGION_ALIASES, type RegionAlias } from './aliases';
export { type PackageData, type PackageRegion, regionEntriesFromPackage } from './from-package';
export { foldName, normalizeUnit } from './normalize';
export { chainOf, createRegionIndex, type RegionIndex } from './region-index';
export { resolveRegion, resolveUnit } from './resolve';
export type { RegionEntry, Resolution, ResolveHints, ResolveOutcome } from './types';
export { classifyUnit, type UnitKind } from './unit-kind';
