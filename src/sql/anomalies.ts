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

/**
 * Table 三's aggregates per report (`rid`) over t3n `t`, in the columns of `anomaly_t3`: integer
 * keys and numbers only, so no string is joined or hashed per cell row (~670k at nationwide scale).
 */
function t3Aggregates(b: Binder, where: string | null): string {
  const cols = TABLE3_COLUMNS.map((c) => `t.${id(c)}`);
  const rows = ['new_received', 'granted', 'partially_granted', 'total_handled'] as const;
  // The keys (ki) of the rows read, one row `k` joined to every cell row: a scalar subquery per
  // CASE cost DuckDB several times more.
  const keys = rows.map((r) => `max(${id('ki')}) FILTER (WHERE ${id('row')} = ${b.v(r)}) AS ${r}`).join(', ');
  const total = (r: (typeof rows)[number]) =>
    `sum(CASE WHEN t.${id('ki')} = k.${r} THEN t.${id('total')} END)`;
  return `SELECT t.${id('rid')},
    ${total('new_received')}::DOUBLE AS ${id('received')},
    -- the catalogue's rate.disclosure (src/domain/metrics/catalogue.ts), on the total column
    list_sum([${total('granted')}, ${total('partially_granted')}])::DOUBLE AS ${id('num')},
    ${total('total_handled')}::DOUBLE AS ${id('den')},
    -- Of the values themselves (blank ≠ 0). A report has each row once, so the XOR of its rows'
    -- hashes is a digest of the set of rows, in any row order: an ordered list of hashes per
    -- report cost DuckDB 4× more (text and md5 3× more again). Hashed twice: DuckDB combines a
    -- row's values by XOR, and XORed over rows, values swapped between rows would cancel out.
    bit_xor(hash(hash(t.${id('ki')}, ${cols.join(', ')}))) AS ${id('digest')},
    (${cols.map((c) => `count(*) FILTER (WHERE ${c} <> 0)`).join(' + ')})::DOUBLE AS ${id('nonzero')}
  FROM ${id('t3n')} t,
    (SELECT ${keys} FROM ${id('rowkeys')} WHERE ${id('table')} = ${b.v('table3')}) k${where ? `\n  WHERE ${where}` : ''}
  GROUP BY t.${id('rid')}`;
}

/** `anomaly_t3`: created once, refilled for each version of the data (`fillAnomalyT3Sql`). */
export function createAnomalyT3Sql(): BoundQuery {
  return new Binder().done(`CREATE TABLE IF NOT EXISTS ${id('anomaly_t3')} (
  ${id('rid')} INTEGER, ${id('received')} DOUBLE, ${id('num')} DOUBLE, ${id('den')} DOUBLE,
  ${id('digest')} UBIGINT, ${id('nonzero')} DOUBLE)`);
}

export function clearAnomalyT3Sql(): BoundQuery {
  return new Binder().done(`DELETE FROM ${id('anomaly_t3')}`);
}

/** The number of reports (their `rid`s are 1…n): what `fillAnomalyT3Sql` slices. */
export function reportCountSql(): BoundQuery {
  return new Binder().done(
    `SELECT coalesce(max(${id('rid')}), 0)::INTEGER AS ${alias('n')} FROM ${id('rkeys')}`,
  );
}

/** Table 三's aggregates of the reports `from` ≤ rid ≤ `to` into `anomaly_t3`. */
export function fillAnomalyT3Sql(from: number, to: number): BoundQuery {
  const b = new Binder();
  const range = `t.${id('rid')} BETWEEN ${b.v(from)} AND ${b.v(to)}`;
  return b.done(`INSERT INTO ${id('anomaly_t3')}\n${t3Aggregates(b, range)}`);
}

/**
 * One row per report with what the rules read (`ReportFeatures`), as the CTE `f`: its table 三
 * aggregated here (`inline`) or read from a filled `anomaly_t3` (`table`).
 */
function featuresCte(b: Binder, t3: 'inline' | 'table'): string {
  const t = t3 === 'inline' ? t3Aggregates(b, null) : `SELECT * FROM ${id('anomaly_t3')}`;
  return `
t AS (
  ${t}
),
f AS (
  SELECT k.${id('report_id')} AS ${alias('reportId')},
    k.${id('unit_id')} AS ${alias('unitKey')},
    k.${id('unit')} AS ${alias('unit')}, k.${id('province')} AS ${alias('province')}, k.${id('level')} AS ${alias('level')},
    k.${id('year')}::INTEGER AS ${alias('year')}, k.${id('format')} AS ${alias('format')},
    t.${id('received')} AS ${alias('received')}, t.${id('num')} AS ${alias('rateNum')}, t.${id('den')} AS ${alias('rateDen')},
    t.${id('digest')}::VARCHAR AS ${alias('t3Digest')}, coalesce(t.${id('nonzero')}, 0) AS ${alias('t3Nonzero')}
  FROM ${id('rkeys')} k
  LEFT JOIN t ON t.${id('rid')} = k.${id('rid')}
)`;
}

/** Every report's features in one statement (the reference the pruned answer below is tested against). */
export function anomalyFeaturesSql(): BoundQuery {
  const b = new Binder();
  return b.done(`WITH ${featuresCte(b, 'inline')}
SELECT * FROM f ORDER BY ${alias('reportId')}`);
}

/**
 * Only the reports the rules could flag, with what they need to decide exactly (`anomaly_t3`
 * filled for the data as it is now): at nationwide
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
  return b.done(`WITH ${featuresCte(b, 'table')},
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

/**
 * `anomalyCandidatesSql`'s rows kept in `anomaly_candidates`, numbered 1…n (`seq`) in their order:
 * read back a page at a time (`anomalyCandidatePageSql`), so that no one answer's decoding holds
 * the main thread for long (the whole answer, ~3,800 rows nationwide, took one task of 30–190 ms).
 */
export function createAnomalyCandidatesSql(): BoundQuery {
  // The candidates' own placeholders ($1…) and values: this statement binds none of its own.
  const inner = anomalyCandidatesSql();
  return {
    sql: `CREATE OR REPLACE TABLE ${id('anomaly_candidates')} AS
SELECT row_number() OVER (ORDER BY c.${alias('reportId')}) AS ${id('seq')}, c.*
FROM (${inner.sql}) c`,
    params: inner.params,
  };
}

/** How many rows `anomaly_candidates` holds. */
export function anomalyCandidateCountSql(): BoundQuery {
  return new Binder().done(`SELECT count(*)::INTEGER AS ${alias('n')} FROM ${id('anomaly_candidates')}`);
}

/** Rows `from` ≤ seq ≤ `to` of `anomaly_candidates`, in order, without `seq`. */
export function anomalyCandidatePageSql(from: number, to: number): BoundQuery {
  const b = new Binder();
  return b.done(`SELECT * EXCLUDE (${id('seq')}) FROM ${id('anomaly_candidates')}
WHERE ${id('seq')} BETWEEN ${b.v(from)} AND ${b.v(to)} ORDER BY ${id('seq')}`);
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
