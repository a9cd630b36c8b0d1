import { useState } from 'react';
import { useAnnotations } from '../../annotations/store';
import { reviewKey } from '../../domain/annotations';
import type { QualityParams } from '../../queries';
import { useUi } from '../../state';

export const REVIEW_FILTERS = ['all', 'open', 'confirmed', 'dismissed'] as const;
export type ReviewFilterChoice = (typeof REVIEW_FILTERS)[number];

/**
 * The Quality view's review filter. "Only confirmed" is in the URL (a shared link carries it, not
 * the notes); open and dismissed are this tab's choice. Returns the query's `reviewed` part.
 */
export function useReviewFilter(): {
  choice: ReviewFilterChoice;
  setChoice: (c: ReviewFilterChoice) => void;
  reviewed: QualityParams['reviewed'];
} {
  const confirmedOnly = useUi((s) => s.quality.confirmedOnly);
  const setQuality = useUi((s) => s.setQuality);
  const [local, setLocal] = useState<'all' | 'open' | 'dismissed'>('all');
  const { reviews } = useAnnotations();
  const choice: ReviewFilterChoice = confirmedOnly ? 'confirmed' : local;
  const setChoice = (c: ReviewFilterChoice) => {
    setQuality({ confirmedOnly: c === 'confirmed' });
    if (c !== 'confirmed') setLocal(c);
  };
  const keysOf = (status?: string) =>
    reviews.filter((r) => status === undefined || r.status === status).map(reviewKey);
  const reviewed =
    choice === 'all'
      ? undefined
      : choice === 'open'
        ? { keys: keysOf(), in: false }
        : { keys: keysOf(choice), in: true };
  return { choice, setChoice, reviewed };
}
