import type { PivotParams } from '../../../queries';
import type { PivotState } from '../../../state';

/** Most row headers the grid asks for; the virtualiser keeps scrolling them cheap. */
export const PIVOT_ROW_LIMIT = 5000;

/** The store's pivot layout as the query's params (filter values were validated by the codec). */
export function pivotParams(p: PivotState): PivotParams {
  return {
    rows: p.rows,
    cols: p.cols,
    measure: p.measure,
    filters: p.filters,
    sort: p.sort,
    totals: true,
    limit: PIVOT_ROW_LIMIT,
  };
}
