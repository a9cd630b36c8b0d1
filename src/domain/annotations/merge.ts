import { type Annotations, type Correction, correctionKey, type Review, reviewKey } from './types';

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [key(t), t]));
}

/**
 * Entries of `incoming` join those of `current`; where both have an entry for the same check or
 * cell, the one changed last wins (an import never undoes a newer local decision).
 */
export function mergeAnnotations(current: Annotations, incoming: Annotations): Annotations {
  const pick = <T extends { date: string }>(a: Map<string, T>, b: Map<string, T>): T[] => {
    const out = new Map(a);
    for (const [k, v] of b) {
      const old = out.get(k);
      if (!old || Date.parse(v.date) >= Date.parse(old.date)) out.set(k, v);
    }
    return [...out.values()];
  };
  return {
    reviews: sortReviews(pick(byKey(current.reviews, reviewKey), byKey(incoming.reviews, reviewKey))),
    corrections: sortCorrections(
      pick(byKey(current.corrections, correctionKey), byKey(incoming.corrections, correctionKey)),
    ),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const sortReviews = (r: Review[]): Review[] => r.sort((a, b) => cmp(reviewKey(a), reviewKey(b)));
export const sortCorrections = (c: Correction[]): Correction[] =>
  c.sort((a, b) => cmp(correctionKey(a), correctionKey(b)));
