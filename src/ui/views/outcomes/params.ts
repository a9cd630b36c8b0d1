import type { CorrectedCell, OutcomesParams } from '../../../queries';
import type { OutcomeFilters } from '../../../state';

/**
 * The store's outcome filters for `units` in `year` as the query's params: the view and the
 * background prefetch (src/app/ViewPrefetch.tsx) ask the same.
 */
export function outcomesParams(
  filters: OutcomeFilters,
  units: readonly string[],
  year: number,
  corrections: readonly CorrectedCell[] | undefined,
): OutcomesParams {
  return {
    units,
    year,
    by: filters.group ? 'row' : 'group',
    groups: filters.group ? [filters.group] : undefined,
    rows: filters.row ? [filters.row] : undefined,
    applicant: filters.applicant,
    measure: filters.mode,
    corrections,
  };
}
