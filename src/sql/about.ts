/**
 * 关于数据: what the loaded reports are, counted: by format, by year and by where they came from
 * (a crawled archive on GitHub, a government web page, a file, generated), each with its units,
 * and the failed checks by rule. One GROUPING SETS pass over reports, one GROUP BY over checks.
 */
import { Binder, type BoundQuery } from './bound';
import { alias, id } from './schema';

/** Where a report's `source` says it came from; the About page words each class. */
export const SOURCE_ORIGINS = ['archive', 'web', 'file', 'synthetic'] as const;
export type SourceOrigin = (typeof SOURCE_ORIGINS)[number];

export function aboutReportsSql(): BoundQuery {
  const b = new Binder();
  const src = id('source');
  const origin = `CASE WHEN ${src} = ${b.v('synthetic')} THEN ${b.v('synthetic')}
    WHEN starts_with(${src}, ${b.v('github:')}) THEN ${b.v('archive')}
    WHEN starts_with(${src}, ${b.v('http')}) THEN ${b.v('web')} ELSE ${b.v('file')} END`;
  // The archive's repository or the web page's host: how many distinct places each class is from.
  const place = `CASE WHEN starts_with(${src}, ${b.v('github:')}) THEN split_part(${src}, ':', 2)
    WHEN starts_with(${src}, ${b.v('http')}) THEN split_part(${src}, '/', 3) ELSE ${src} END`;
  return b.done(`
SELECT CASE WHEN grouping(${id('format')}) = 0 THEN 'format' WHEN grouping(${id('year')}) = 0 THEN 'year'
    WHEN grouping(origin) = 0 THEN 'origin' ELSE 'all' END AS ${alias('facet')},
  coalesce(${id('format')}, ${id('year')}::VARCHAR, origin, '') AS ${alias('key')},
  count(*)::INTEGER AS ${alias('reports')}, count(DISTINCT ${id('unit_id')})::INTEGER AS ${alias('units')},
  count(DISTINCT ${id('province')})::INTEGER AS ${alias('provinces')},
  count(DISTINCT place)::INTEGER AS ${alias('places')},
  count(*) FILTER (WHERE ${id('check_failures')} > 0)::INTEGER AS ${alias('flagged')}
FROM (SELECT *, ${origin} AS origin, ${place} AS place FROM ${id('reports')})
GROUP BY GROUPING SETS ((${id('format')}), (${id('year')}), (origin), ())
ORDER BY 1, 2`);
}

export function aboutChecksSql(): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT ${id('rule')} AS ${alias('rule')}, count(*)::INTEGER AS ${alias('failures')},
  count(DISTINCT ${id('report_id')})::INTEGER AS ${alias('reports')}
FROM ${id('checks')} GROUP BY ${id('rule')} ORDER BY ${alias('failures')} DESC, ${id('rule')}`);
}
