/** 关于数据: the loaded reports counted by format, year and origin, and failed checks by rule. */
import type { Queryable } from '../db/types';
import { aboutChecksSql, aboutReportsSql } from '../sql';
import { dbQuery } from './options';
import type { AboutCheckRow, AboutFacetRow, AboutResult } from './types';

export const aboutQuery = () => dbQuery('about', null, fetchAbout);

export async function fetchAbout(db: Queryable): Promise<AboutResult> {
  const [facets, checks] = await Promise.all([
    db.query<AboutFacetRow>(aboutReportsSql()),
    db.query<AboutCheckRow>(aboutChecksSql()),
  ]);
  return { facets, checks };
}
