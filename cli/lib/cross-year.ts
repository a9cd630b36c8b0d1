import { crossYear } from '../../src/domain/checks/cross-year';
import type { CheckFailure } from '../../src/domain/report';
import { type Candidate, unitKey } from './dedupe';

/**
 * Rule 5 of the spec needs several years of one body, so it runs here, over the reports kept for
 * the dataset (one per body-year): each failure is attributed to the later report.
 */
export function crossYearFailures<T extends Candidate>(kept: readonly T[]): Map<T, CheckFailure[]> {
  const bodies = new Map<string, T[]>();
  for (const c of kept) bodies.set(unitKey(c), [...(bodies.get(unitKey(c)) ?? []), c]);
  const out = new Map<T, CheckFailure[]>();
  for (const series of bodies.values()) {
    if (series.length < 2) continue;
    for (const { year, ...failure } of crossYear(series.map((c) => c.report))) {
      const target = series.find((c) => c.report.year === year);
      if (target) out.set(target, [...(out.get(target) ?? []), failure]);
    }
  }
  return out;
}
