import type { CompareParams, CorrectedCell } from '../../../queries';
import type { UnitFilter } from '../../../state';

/** Bars drawn when no unit is chosen: the top ones of the metric. */
export const TOP_N = 20;

/**
 * The store's Compare settings as the query's params for `year`: the view and the background
 * prefetch of its neighbouring years (src/ui/views/opening-questions.ts) ask the same.
 */
export function compareParams(
  s: { metric: CompareParams['metric']; units: readonly string[]; filter: UnitFilter; latestEach: boolean },
  year: number,
  corrections: readonly CorrectedCell[] | undefined,
): CompareParams {
  return {
    metric: s.metric,
    year,
    units: s.units,
    limit: s.units.length > 0 ? s.units.length : TOP_N,
    province: s.filter.province,
    level: s.filter.level,
    corrections,
    latestEach: s.latestEach,
  };
}
