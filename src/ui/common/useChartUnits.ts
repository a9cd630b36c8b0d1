import { compareQuery } from '../../queries';
import { useUi } from '../../state';
import { useEagerQuery } from './useEagerQuery';

/**
 * The units (unit_ids) a multi-unit chart draws: the chosen ones, or, when none is chosen, the top
 * `n` of `metric` in the latest year within the province / level filter, so a view opened
 * without a selection still shows something. `settled` is false while that top `n` is still the
 * previous question's (a metric or filter just changed): a chart asked for those units would put
 * a question nobody reads in DuckDB's queue ahead of the new top `n`, so it waits.
 */
export function useChartUnits(
  metric: string,
  latest: number | null,
  n: number,
): { units: string[]; implicit: boolean; settled: boolean } {
  const chosen = useUi((s) => s.units);
  const filter = useUi((s) => s.filter);
  // Asked only while nothing is chosen: otherwise it would hold DuckDB's worker (one statement at
  // a time) ahead of the chart's own query, for an answer nobody reads.
  const top = useEagerQuery({
    ...compareQuery({
      metric,
      year: latest ?? 0,
      units: [],
      limit: n,
      province: filter.province,
      level: filter.level,
    }),
    enabled: chosen.length === 0,
  });
  if (chosen.length > 0) return { units: chosen, implicit: false, settled: true };
  return {
    units: (top.data?.rows ?? []).filter((r) => r.value !== null).map((r) => r.unitId),
    implicit: true,
    settled: !top.isPlaceholderData,
  };
}
