import { useSyncExternalStore } from 'react';
import { getRoster, subscribeRoster } from '../../import/user-state';
import {
  outcomesQuery,
  pivotQuery,
  type Question,
  qualityQuery,
  qualityRulesQuery,
  reportQuery,
  trendsQuery,
} from '../../queries';
import { useUi } from '../../state';
import { useDatasetInfo } from '../common/useDatasetInfo';
import { outcomesParams } from './outcomes/params';
import { pivotParams } from './pivot/params';
import { qualityParams } from './quality/params';
import { reportParams } from './report/params';

/**
 * The questions Trends, Outcomes, Report, Pivot and Quality open with, for the views not shown
 * (src/app/ViewPrefetch.tsx asks them ahead). Pivot and Quality read only their own controls;
 * Trends, Outcomes and Report read the units (and metric, year) chosen in Compare, so theirs are
 * asked again after each change of those (at a quiet moment: an interleaved A/B showed Compare's
 * clicks no slower, and opening Trends 326 → 158 ms). Only the plain setting is listed: corrections, a
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
  const outcome = useUi((s) => s.outcome);
  const year = useUi((s) => s.year);
  const reportId = useUi((s) => s.report);
  const { latest } = useDatasetInfo();
  const questions: Question[] = [];
  // Trends and Outcomes of the units chosen (with none, their units are the top ones of a metric,
  // asked by their view).
  if (view !== 'trends' && !corrections && chosen.length > 0)
    questions.push(trendsQuery({ metric, units: chosen, mode }));
  if (view !== 'outcomes' && !corrections && chosen.length > 0 && latest !== null)
    questions.push(outcomesQuery(outcomesParams(outcome, chosen, year ?? latest, undefined)));
  // Report's report: the one linked, else the first chosen unit's (with neither, any unit's).
  const report = reportParams(reportId, chosen[0], year);
  if (view !== 'report' && report) questions.push(reportQuery(report));
  if (view !== 'pivot' && !corrections) questions.push(pivotQuery(pivotParams(pivot)));
  if (view !== 'quality' && !quality.confirmedOnly && !roster.government) {
    const params = qualityParams(quality, [], undefined);
    questions.push(qualityQuery(params), qualityRulesQuery(params));
  }
  return { key: JSON.stringify(questions.map((q) => q.queryKey)), questions };
}
