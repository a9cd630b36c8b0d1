import type { RegionRef } from '../domain/report';
import { domainLabels, domainScore } from './domain-hint';
import { findNameMatches, type NameMatch } from './matches';
import { chainOf, type RegionIndex } from './region-index';
import type { RegionEntry, Resolution, ResolveHints, ResolveOutcome } from './types';

/**
 * Resolves a unit name (济源市人民政府, 淮安市洪泽区人民政府, 五常市民意乡, 上海市科委…) to its
 * division. Every region name in the string is a match; a candidate division is supported by each
 * match naming it or one of its ancestors (see `countSupport`), and the best-supported one wins (淮安市 + 洪泽区 pick
 * 洪泽区 of 淮安市; 五常市 + 民意乡 pick 民意乡 of 五常市). Ties along one chain go to the deepest;
 * other ties are broken by `hints.domain` or left unresolved: 城中区 alone is in 柳州 and 西宁, and
 * a guess would put a report in the wrong province.
 */
export function resolveUnit(index: RegionIndex, unit: string, hints: ResolveHints = {}): ResolveOutcome {
  const matches = findNameMatches(index, unit);
  if (matches.length === 0) return { ok: false, reason: 'no region name in the unit' };
  const support = [...matches, ...(hints.context ?? []).flatMap((text) => findNameMatches(index, text))];

  const scored = new Map<string, { entry: RegionEntry; chain: RegionEntry[]; support: number }>();
  for (const m of matches) {
    for (const entry of m.entries) {
      if (scored.has(entry.code)) continue;
      const chain = chainOf(index, entry);
      scored.set(entry.code, { entry, chain, support: countSupport(support, chain) });
    }
  }
  const best = Math.max(...[...scored.values()].map((s) => s.support));
  let top = [...scored.values()].filter((s) => best - s.support < 1e-9);
  const deepest = top.reduce((a, b) => (b.chain.length > a.chain.length ? b : a));
  if (top.every((s) => deepest.chain.includes(s.entry)))
    return { ok: true, resolution: toResolution(deepest.chain) };

  if (hints.domain) {
    const labels = domainLabels(hints.domain);
    const scores = top.map((s) => domainScore(labels, s.chain));
    const max = Math.max(...scores);
    const winners = top.filter((_, i) => scores[i] === max);
    if (max > 0 && winners.length === 1) return { ok: true, resolution: toResolution(winners[0]!.chain) };
    if (max > 0) top = winners;
  }
  const named = top.slice(0, 4).map((s) => s.chain.map((e) => e.name).join(''));
  return {
    ok: false,
    reason: `ambiguous: ${named.join(' / ')}${top.length > 4 ? ` and ${top.length - 4} more` : ''}`,
  };
}

/** `resolveUnit` for callers that only want the region or null. */
export function resolveRegion(index: RegionIndex, unit: string, hints?: ResolveHints): Resolution | null {
  const outcome = resolveUnit(index, unit, hints);
  return outcome.ok ? outcome.resolution : null;
}

/**
 * Each match naming a division of the chain votes 1/(number of divisions of that name): a name
 * unique in China (济源市) outweighs one shared by five (城区, as in 济源市城区管理局).
 */
function countSupport(matches: readonly NameMatch[], chain: readonly RegionEntry[]): number {
  let support = 0;
  for (const m of matches) if (m.entries.some((e) => chain.includes(e))) support += 1 / m.entries.length;
  return support;
}

function toResolution(chain: readonly RegionEntry[]): Resolution {
  const refs: RegionRef[] = chain.map((e) => ({ code: e.code, name: e.name, level: e.level }));
  const at = (level: RegionRef['level']) => refs.find((r) => r.level === level)?.name ?? null;
  return {
    region: refs[refs.length - 1]!,
    chain: refs,
    province: at('province'),
    prefecture: at('prefecture'),
    county: at('county'),
    township: at('township'),
  };
}
