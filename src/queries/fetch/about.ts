import type { Queryable } from '../../db/types';
import { aboutChecksSql, aboutReportsSql } from '../../sql';
import type { AboutCheckRow, AboutFacetRow, AboutResult } from '../types';

export async function fetchAbout(db: Queryable): Promise<AboutResult> {
  const [facets, checks] = await Promise.all([
    db.query<AboutFacetRow>(aboutReportsSql()),
    db.query<AboutCheckRow>(aboutChecksSql()),
  ]);
  return { facets, checks };
}
