import type { Report } from '../../src/domain/report';
import { resolveSplits } from '../../src/parser/resolve-splits';

interface Body {
  report: Report;
  regionCode: string | null;
}

/**
 * Which body published a report, for reading one body's years together: its region plus its
 * normalised full name (full-width/half-width, spaces and a 人民政府 suffix do not matter). Two
 * 公安局 of two counties are two bodies. (Declared aliases and renamed bodies are the unit
 * identity's business, src/ unit ids; this key only has to never join two different bodies.)
 */
export function bodyKey(b: Body): string {
  const name = b.report.unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(人民政府|政府)$/, '');
  return `${b.regionCode ?? '-'}|${name}`;
}

/**
 * Table 二 runs that one report left undecided, cut with the same body's other years
 * (src/parser/resolve-splits.ts): each kept report is replaced by its resolved copy. `keyOf`
 * says which reports are one body (default `bodyKey`; the unit id where the ingest has one).
 */
export function resolveAcrossYears<T extends Body>(
  kept: readonly T[],
  keyOf: (b: T) => string = bodyKey,
): void {
  const bodies = new Map<string, T[]>();
  for (const b of kept) bodies.set(keyOf(b), [...(bodies.get(keyOf(b)) ?? []), b]);
  for (const series of bodies.values()) {
    if (series.length < 2) continue;
    const resolved = resolveSplits(series.map((b) => b.report));
    series.forEach((b, i) => {
      b.report = resolved[i]!;
    });
  }
}
