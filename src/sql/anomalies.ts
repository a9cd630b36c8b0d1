/**
 * What the anomaly rules (src/domain/anomalies) read: one row per report with its table-三
 * figures and a digest of the whole table, and the `narrative.total` failures. Computed in the
 * browser over whatever is loaded (bundled data and imports alike), since rules compare a report
 * with the unit's other years and with its peers; the rules themselves run in JS on these rows.
 */
import { TABLE3_COLUMNS } from '../domain/keys';
import { Binder, type BoundQuery } from './bound';
import { alias, id } from './schema';

export function anomalyFeaturesSql(): BoundQuery {
  const b = new Binder();
  const cols = TABLE3_COLUMNS.map((c) => id(c));
  const printed = cols.map((c) => `coalesce(${c}::VARCHAR, 'n')`).join(` || ',' || `);
  const nonzero = cols.map((c) => `(coalesce(${c}, 0) <> 0)::INTEGER`).join(' + ');
  return b.done(`
WITH t AS (
  SELECT ${id('report_id')},
    sum(CASE WHEN ${id('row')} = ${b.v('new_received')} THEN ${id('total')} END)::DOUBLE AS received,
    -- the catalogue's rate.disclosure (src/domain/metrics/catalogue.ts), on the total column
    list_sum([sum(CASE WHEN ${id('row')} = ${b.v('granted')} THEN ${id('total')} END),
      sum(CASE WHEN ${id('row')} = ${b.v('partially_granted')} THEN ${id('total')} END)])::DOUBLE AS num,
    sum(CASE WHEN ${id('row')} = ${b.v('total_handled')} THEN ${id('total')} END)::DOUBLE AS den,
    md5(string_agg(${id('row')} || '=' || ${printed}, ';' ORDER BY ${id('row')})) AS digest,
    sum(${nonzero})::DOUBLE AS nonzero
  FROM ${id('t3x')}
  GROUP BY ${id('report_id')}
)
SELECT r.${id('report_id')} AS ${alias('reportId')},
  r.${id('unit_id')} AS ${alias('unitKey')},
  r.${id('unit')} AS ${alias('unit')}, r.${id('province')} AS ${alias('province')}, r.${id('level')} AS ${alias('level')},
  r.${id('year')}::INTEGER AS ${alias('year')}, r.${id('format')} AS ${alias('format')},
  t.received AS ${alias('received')}, t.num AS ${alias('rateNum')}, t.den AS ${alias('rateDen')},
  t.digest AS ${alias('t3Digest')}, coalesce(t.nonzero, 0) AS ${alias('t3Nonzero')}
FROM ${id('reports')} r
LEFT JOIN t ON t.${id('report_id')} = r.${id('report_id')}
ORDER BY r.${id('report_id')}`);
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
