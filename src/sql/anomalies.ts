/**
 * What the anomaly rules (src/domain/anomalies) read: one row per report with its table-三
 * figures and a digest of the whole table, and the `narrative.total` failures. Computed in the
 * browser over whatever is loaded (bundled data and imports alike), since rules compare a report
 * with the unit's other years and with its peers; the rules themselves run in JS on these rows.
 */
import {
  COPIED_MIN_NONZERO,
  OLD_FORMAT_FROM_YEAR,
  PEER_MIN_DENOMINATOR,
  PEER_MIN_GROUP,
  PEER_Z,
  YOY_FACTOR,
  YOY_MIN_BASE,
} from '../domain/anomalies';
import { TABLE3_COLUMNS } from '../domain/keys';
import { Binder, type BoundQuery } from './bound';
import { alias, id } from './schema';

/** One row per report with what the rules read (`ReportFeatures`), as the CTE `f`. */
function featuresCte(b: Binder): string {
  const cols = TABLE3_COLUMNS.map((c) => id(c));
  const nonzero = cols.map((c) => `(coalesce(${c}, 0) <> 0)::INTEGER`).join(' + ');
  return `
t AS (
  SELECT ${id('report_id')},
    sum(CASE WHEN ${id('row')} = ${b.v('new_received')} THEN ${id('total')} END)::DOUBLE AS received,
    -- the catalogue's rate.disclosure (src/domain/metrics/catalogue.ts), on the total column
    list_sum([sum(CASE WHEN ${id('row')} = ${b.v('granted')} THEN ${id('total')} END),
      sum(CASE WHEN ${id('row')} = ${b.v('partially_granted')} THEN ${id('total')} END)])::DOUBLE AS num,
    sum(CASE WHEN ${id('row')} = ${b.v('total_handled')} THEN ${id('total')} END)::DOUBLE AS den,
    -- of the values themselves (blank ≠ 0): text and md5 of ~670k rows cost DuckDB 3× more
    hash(list(hash(${id('row')}, ${cols.join(', ')}) ORDER BY ${id('row')}))::VARCHAR AS digest,
    sum(${nonzero})::DOUBLE AS nonzero
  FROM ${id('t3x')}
  GROUP BY ${id('report_id')}
),
f AS (
  SELECT r.${id('report_id')} AS ${alias('reportId')},
    r.${id('unit_id')} AS ${alias('unitKey')},
    r.${id('unit')} AS ${alias('unit')}, r.${id('province')} AS ${alias('province')}, r.${id('level')} AS ${alias('level')},
    r.${id('year')}::INTEGER AS ${alias('year')}, r.${id('format')} AS ${alias('format')},
    t.received AS ${alias('received')}, t.num AS ${alias('rateNum')}, t.den AS ${alias('rateDen')},
    t.digest AS ${alias('t3Digest')}, coalesce(t.nonzero, 0) AS ${alias('t3Nonzero')}
  FROM ${id('reports')} r
  LEFT JOIN t ON t.${id('report_id')} = r.${id('report_id')}
)`;
}

/** Every report's features (the reference the pruned answer below is tested against). */
export function anomalyFeaturesSql(): BoundQuery {
  const b = new Binder();
  return b.done(`WITH ${featuresCte(b)}
SELECT * FROM f ORDER BY ${alias('reportId')}`);
}

/**
 * Only the reports the rules could flag, with what they need to decide exactly: at nationwide
 * scale the full answer is ~35,000 rows decoded and scanned on the main thread for a few dozen
 * flags. Two sets, each a loose superset decided in DuckDB (its own worker) and then judged by
 * the same rules in JS, so the flags are exactly those of all features:
 * - `forSeries` (year-over-year, copied table, old format): every report of a unit whose reports
 *   could trigger one of them at all (its largest count ≥ the base and ≥ the factor × its
 *   smallest; two equal table digests; a 2019-format report from the cut-off year). Whole units,
 *   so the rules see the same consecutive years as on all reports.
 * - `forPeers`: every report of a peer group (year, province, level) where some rate's robust
 *   score, computed here as in src/domain/anomalies/peers.ts, exceeds 90 % of the cut-off (or the
 *   spread is too small to trust the comparison): whole groups, so medians and deviations are the
 *   same; the margin covers SQL's and JS's rounding. A zero MAD is exact on both sides: it means
 *   more than half the peers have exactly the median's rate.
 * Rows keep the features' order (by report id), so ties among flags sort as on all reports.
 */
export function anomalyCandidatesSql(): BoundQuery {
  const b = new Binder();
  const unitKey = alias('unitKey');
  const rate = `(${alias('rateNum')} / ${alias('rateDen')})`;
  const group = `${alias('year')}, ${alias('province')}, ${alias('level')}`;
  return b.done(`WITH ${featuresCte(b)},
u AS (
  SELECT ${unitKey} AS k, true AS keep FROM f GROUP BY ${unitKey}
  HAVING (max(${alias('received')}) >= ${b.v(YOY_MIN_BASE)}
      AND max(${alias('received')}) / greatest(min(${alias('received')}), 1) >= ${b.v(YOY_FACTOR * 0.99)})
    OR (count(${alias('t3Digest')}) > count(DISTINCT ${alias('t3Digest')})
      AND max(${alias('t3Nonzero')}) >= ${b.v(COPIED_MIN_NONZERO)})
    OR bool_or(${alias('format')} = ${b.v('2019')} AND ${alias('year')} >= ${b.v(OLD_FORMAT_FROM_YEAR)})
),
p AS (
  SELECT ${group}, ${rate} AS rate FROM f
  WHERE ${alias('province')} IS NOT NULL AND ${alias('level')} IS NOT NULL
    AND ${alias('rateNum')} IS NOT NULL AND ${alias('rateDen')} IS NOT NULL
    AND ${alias('rateDen')} >= ${b.v(PEER_MIN_DENOMINATOR)}
),
pm AS (
  SELECT ${group}, median(rate) AS m FROM p GROUP BY ${group} HAVING count(*) >= ${b.v(PEER_MIN_GROUP)}
),
pd AS (
  SELECT ${group}, median(abs(p.rate - pm.m)) AS mad, avg(abs(p.rate - pm.m)) AS meanad,
    max(abs(p.rate - pm.m)) AS maxdev
  FROM p JOIN pm USING (${group}) GROUP BY ${group}
),
g AS (
  SELECT ${group} FROM pd
  WHERE (mad > 1e-9 AND 0.6745 * maxdev / mad > ${b.v(PEER_Z * 0.9)})
    OR (mad > 0 AND mad <= 1e-9)
    OR (mad = 0 AND meanad > 0 AND maxdev / (1.2533 * meanad) > ${b.v(PEER_Z * 0.9)})
)
SELECT f.*, u.keep IS NOT NULL AS ${alias('forSeries')}, g.${alias('year')} IS NOT NULL AS ${alias('forPeers')}
FROM f
LEFT JOIN u ON u.k IS NOT DISTINCT FROM f.${unitKey}
LEFT JOIN g ON g.${alias('year')} = f.${alias('year')} AND g.${alias('province')} = f.${alias('province')}
  AND g.${alias('level')} = f.${alias('level')}
WHERE u.keep IS NOT NULL OR g.${alias('year')} IS NOT NULL
ORDER BY f.${alias('reportId')}`);
}

export function narrativeChecksSql(): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT c.${id('report_id')} AS ${alias('reportId')}, r.${id('unit')} AS ${alias('unit')},
  r.${id('province')} AS ${alias('province')},
  r.${id('year')}::INTEGER AS ${alias('year')}, c.${id('rule')} AS ${alias('rule')},
  c.${id('location')} AS ${alias('location')}, c.${id('expected')} AS ${alias('expected')},
  c.${id('actual')} AS ${alias('actual')}
FROM ${id('checks')} c JOIN ${id('reports')} r ON r.${id('report_id')} = c.${id('report_id')}
WHERE c.${id('rule')} = ${b.v('narrative.total')}
ORDER BY c.${id('report_id')}, c.${id('location')}`);
}
