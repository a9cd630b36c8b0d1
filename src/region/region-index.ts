import { REGION_ALIASES, type RegionAlias } from './aliases';
import { foldName } from './normalize';
import type { RegionEntry } from './types';

/** Lookup structures over one set of region entries; build once, resolve many units. */
export interface RegionIndex {
  byCode: ReadonlyMap<string, RegionEntry>;
  /** Folded name (see `foldName`) → the divisions of that name, aliases included. */
  byName: ReadonlyMap<string, readonly RegionEntry[]>;
  /** Longest folded name, bounding the substring scan. */
  maxNameLength: number;
}

/**
 * Indexes `entries` (from `regionEntriesFromPackage` in Node, or regions.parquet rows in the
 * browser). Aliases whose target codes are missing from `entries` are skipped.
 */
export function createRegionIndex(
  entries: Iterable<RegionEntry>,
  aliases: readonly RegionAlias[] = REGION_ALIASES,
): RegionIndex {
  const byCode = new Map<string, RegionEntry>();
  const byName = new Map<string, RegionEntry[]>();
  let maxNameLength = 0;
  const add = (name: string, target: RegionEntry) => {
    const key = foldName(name);
    const list = byName.get(key);
    if (list) {
      if (!list.includes(target)) list.push(target);
    } else byName.set(key, [target]);
    maxNameLength = Math.max(maxNameLength, key.length);
  };
  for (const e of entries) byCode.set(e.code, e);
  for (const e of byCode.values()) add(e.name, e);
  for (const alias of aliases) {
    const codes = alias.code ? [alias.code] : (alias.scope ?? []);
    for (const code of codes) {
      const target = byCode.get(code);
      if (target) add(alias.name, target);
    }
  }
  return { byCode, byName, maxNameLength };
}

/** The entry and its ancestors, province first. */
export function chainOf(index: RegionIndex, entry: RegionEntry): RegionEntry[] {
  const chain: RegionEntry[] = [entry];
  let parent = entry.parent_code;
  while (parent) {
    const p = index.byCode.get(parent);
    if (!p || chain.includes(p)) break;
    chain.unshift(p);
    parent = p.parent_code;
  }
  return chain;
}
