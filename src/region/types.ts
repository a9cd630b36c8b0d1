import type { RegionLevel, RegionRef } from '../domain/report';

/**
 * One administrative division as the resolver needs it. `RegionRow` of regions.parquet has this
 * shape (plus columns the resolver ignores), so the browser can feed parquet rows straight in.
 */
export interface RegionEntry {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  /** `"<full pinyin>|<initials>"` without tones, e.g. `jiyuanshi|jys`; optional, only used for domain hints. */
  pinyin?: string;
}

/** A resolved unit: the region and its chain of ancestors, province first, the region itself last. */
export interface Resolution {
  region: RegionRef;
  chain: RegionRef[];
  province: string | null;
  prefecture: string | null;
  county: string | null;
  township: string | null;
}

export type ResolveOutcome = { ok: true; resolution: Resolution } | { ok: false; reason: string };

export interface ResolveHints {
  /** A host or URL the report came from (e.g. `xncz.gov.cn`): breaks ties by pinyin of the candidates' names. */
  domain?: string;
  /** Other text naming the unit's place (a title, a parent unit): supports candidates, never adds one. */
  context?: readonly string[];
}
