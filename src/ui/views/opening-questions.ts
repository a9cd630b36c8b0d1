import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { normalisePivot } from '../../domain/vocab';
import { getRoster, subscribeRoster } from '../../import/user-state';
import {
  compareQuery,
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
import { compareParams } from './compare/params';
import { outcomesParams } from './outcomes/params';
import { pivotParams } from './pivot/params';
import { slotChoices, withSlot } from './pivot/slots';
import { qualityParams } from './quality/params';
import { reportParams } from './report/params';

/**
 * The questions Trends, Outcomes, Report, Pivot and Quality open with, for the views not shown,
 * in Compare those of the years either side of the one shown, in Quality those of the rules
 * either side of the one chosen, and in Pivot those of the layouts one step away in its first
 * row and column pickers (src/app/ViewPrefetch.tsx asks them ahead). Pivot and Quality read only
 * their own controls; Trends, Outcomes and Report read the units (and metric, year) chosen in
 * Compare, so theirs are asked again after each change of those, at a quiet moment.
 * Interleaved A/Bs showed Compare's clicks no slower, and opening Trends 326 → 158 ms, Outcomes
 * 168 and Report 163 → under 89 ms, changing Compare's year 92 → under 74 ms. Only the plain setting is listed: corrections, a roster and a review filter
 * come from the browser's own notes, and those questions wait for their view. `key` names the
 * list (its query keys): the list itself is new on every render.
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
  const filter = useUi((s) => s.filter);
  const latestEach = useUi((s) => s.latestEach);
  const { years, latest } = useDatasetInfo();
  const questions: Question[] = [];
  // In Compare, the years either side of the one shown: its year picker is stepped through.
  if (view === 'compare' && !corrections && latest !== null) {
    const at = years.indexOf(year ?? latest);
    for (const y of [years[at - 1], years[at + 1]])
      if (at >= 0 && y !== undefined)
        questions.push(
          compareQuery(compareParams({ metric, units: chosen, filter, latestEach }, y, undefined)),
        );
  }
  // Trends and Outcomes of the units chosen (with none, their units are the top ones of a metric,
  // asked by their view).
  if (view !== 'trends' && !corrections && chosen.length > 0)
    questions.push(trendsQuery({ metric, units: chosen, mode }));
  if (view !== 'outcomes' && !corrections && chosen.length > 0 && latest !== null)
    questions.push(outcomesQuery(outcomesParams(outcome, chosen, year ?? latest, undefined)));
  // Report's report: the one linked, else the first chosen unit's (with neither, its view asks
  // for any unit's).
  const report = reportParams(reportId, chosen[0], year);
  if (view !== 'report' && report) questions.push(reportQuery(report));
  if (view !== 'pivot' && !corrections) questions.push(pivotQuery(pivotParams(pivot)));
  // In Pivot, the layouts one step either side in the first row and first column pickers.
  if (view === 'pivot' && !corrections)
    for (const axis of ['rows', 'cols'] as const) {
      const choices = slotChoices(pivot, axis, 0);
      const at = choices.indexOf(pivot[axis][0] ?? '');
      for (const choice of [choices[at + 1], choices[at - 1]]) {
        const next = at >= 0 && choice !== undefined ? withSlot(pivot, axis, 0, choice) : null;
        if (next) questions.push(pivotQuery(pivotParams(normalisePivot({ ...pivot, [axis]: next }).layout)));
      }
    }
  const plainQuality = !quality.confirmedOnly && !roster.government;
  if (view !== 'quality' && plainQuality) {
    const params = qualityParams(quality, [], undefined);
    questions.push(qualityQuery(params), qualityRulesQuery(params));
  }
  // In Quality, the rules either side of the one chosen, in its picker's order (all rules, then
  // most failures first): like Compare's years, it is stepped through. The counts are the view's
  // own question (they ignore the rule chosen), so this asks nothing new.
  const rules = useQuery({
    ...qualityRulesQuery(qualityParams(quality, [], undefined)),
    enabled: view === 'quality' && plainQuality,
  }).data;
  if (view === 'quality' && plainQuality && rules) {
    const order = [null, ...rules.map((r) => r.rule)];
    const at = order.indexOf(quality.rule);
    for (const rule of [order[at + 1], order[at - 1]])
      if (at >= 0 && rule !== undefined)
        questions.push(qualityQuery(qualityParams({ ...quality, rule }, [], undefined)));
  }
  return { key: JSON.stringify(questions.map((q) => q.queryKey)), questions };
}
