import type { Format, Table3Column, Table3Group, Table3Row } from '../../../domain/keys';
import type { RegionLevel } from '../../../domain/report';
import type { PivotParams } from '../../../queries';
import type { PivotState } from '../../../state';

/** Most row headers the grid asks for; the virtualiser keeps scrolling them cheap. */
export const PIVOT_ROW_LIMIT = 5000;

/** The store's pivot layout as the query's params (filter values were validated by the codec). */
export function pivotParams(p: PivotState): PivotParams {
  const f = p.filters;
  return {
    rows: p.rows,
    cols: p.cols,
    measure: p.measure,
    filters: {
      units: f.unit,
      provinces: f.province,
      prefectures: f.prefecture,
      levels: f.level as RegionLevel[] | undefined,
      years: f.year?.map(Number),
      formats: f.format as Format[] | undefined,
      rows: f.row as Table3Row[] | undefined,
      groups: f.group as Table3Group[] | undefined,
      applicants: f.applicant as Table3Column[] | undefined,
    },
    sort: p.sort,
    totals: true,
    limit: PIVOT_ROW_LIMIT,
  };
}
