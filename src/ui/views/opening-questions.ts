import { useSyncExternalStore } from 'react';
import { getRoster, subscribeRoster } from '../../import/user-state';
import { pivotQuery, type Question, qualityQuery, qualityRulesQuery } from '../../queries';
import { useUi } from '../../state';
import { pivotParams } from './pivot/params';
import { qualityParams } from './quality/params';

/**
 * The questions Pivot and Quality open with, for the views not shown (src/app/ViewPrefetch.tsx
 * asks them ahead). Both read only their own controls, not the units or metric chosen elsewhere,
 * so their first question is known in advance. Only the plain setting is listed: corrections, a
 * roster and a review filter come from the browser's own notes, and those questions wait for
 * their view. `key` names the list (its query keys): the list itself is new on every render.
 */
export function useOpeningQuestions(): { key: string; questions: Question[] } {
  const view = useUi((s) => s.view);
  const pivot = useUi((s) => s.pivot);
  const quality = useUi((s) => s.quality);
  const corrections = useUi((s) => s.corrections);
  const roster = useSyncExternalStore(subscribeRoster, getRoster, getRoster);
  const questions: Question[] = [];
  if (view !== 'pivot' && !corrections) questions.push(pivotQuery(pivotParams(pivot)));
  if (view !== 'quality' && !quality.confirmedOnly && !roster.government) {
    const params = qualityParams(quality, [], undefined);
    questions.push(qualityQuery(params), qualityRulesQuery(params));
  }
  return { key: JSON.stringify(questions.map((q) => q.queryKey)), questions };
}
