import { useSyncExternalStore } from 'react';
import { getRoster, subscribeRoster } from '../../import/user-state';
import { pivotQuery, type Question, qualityQuery, qualityRulesQuery, trendsQuery } from '../../queries';
import { useUi } from '../../state';
import { pivotParams } from './pivot/params';
import { qualityParams } from './quality/params';

/**
 * The questions Trends, Pivot and Quality open with, for the views not shown
 * (src/app/ViewPrefetch.tsx asks them ahead). Pivot and Quality read only their own controls;
 * Trends reads the units and metric chosen in Compare, so its question is asked again after each
 * change of those (at a quiet moment: an interleaved A/B showed Compare's clicks no slower, and
 * opening Trends 326 → 158 ms). Only the plain setting is listed: corrections, a
 * roster and a review filter come from the browser's own notes, and those questions wait for
 * their view. `key` names the list (its query keys): the list itself is new on every render.
 */
export function useOpeningQuestions(): { key: string; questions: Question[] } {
  const view = useUi((s) => s.view);
  const pivot = useUi((s) => s.pivot);
  const quality = useUi((s) => s.quality);
  const corrections = useUi((s) => s.corrections);
  const roster = useSyncExternalStore(subscribeRoster, getRoster, getRoster);
  const metric = useUi((s) => s.metric);
  const mode = useUi((s) => s.trendMode);
  const chosen = useUi((s) => s.units);
  const questions: Question[] = [];
  // Trends of the units chosen (with none, its units are Compare's top ones, asked by its view).
  if (view !== 'trends' && !corrections && chosen.length > 0)
    questions.push(trendsQuery({ metric, units: chosen, mode }));
  if (view !== 'pivot' && !corrections) questions.push(pivotQuery(pivotParams(pivot)));
  if (view !== 'quality' && !quality.confirmedOnly && !roster.government) {
    const params = qualityParams(quality, [], undefined);
    questions.push(qualityQuery(params), qualityRulesQuery(params));
  }
  return { key: JSON.stringify(questions.map((q) => q.queryKey)), questions };
}
