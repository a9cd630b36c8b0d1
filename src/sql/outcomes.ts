/** 办理结果: outcome counts per unit for a year, by group or by single row, with shares. */
import { OUTCOME_GROUPS, TABLE3_COLUMNS, type Table3Column } from '../domain/keys';
import { QUERY_DEFAULTS } from '../domain/vocab';
import { Binder, type BoundQuery } from './bound';
import { type CorrectedCell, correctedSource } from './corrected';
import { inList, where } from './filters';
import { alias, id } from './schema';

export interface OutcomesQuery {
  units: readonly string[];
  year: number;
  by: 'group' | 'row';
  groups?: readonly string[];
  rows?: readonly string[];
  applicant?: Table3Column;
  /** Corrected values to read instead of the printed ones ("with corrections"); none = as printed. */
  corrections?: readonly CorrectedCell[];
}

/**
 * count per unit × key; share = count ÷ the unit's sum over ALL outcome rows (before the
 * groups/rows filter), so a full stack is 100 %. Rows are in no particular order.
 */
export function outcomesSql(q: OutcomesQuery): BoundQuery {
  const applicant = q.applicant ?? QUERY_DEFAULTS.applicant;
  if (!(TABLE3_COLUMNS as readonly string[]).includes(applicant))
    throw new Error(`invalid applicant: ${applicant}`);
  const b = new Binder();
  const key = q.by === 'row' ? id('row') : id('grp');
  const groupBy = q.by === 'row' ? `${id('grp')}, ${id('row')}` : id('grp');
  return b.done(`
WITH base AS (
  SELECT ${id('unit_id')} AS unit, any_value(${id('unit')}) AS name, any_value(${id('format')}) AS format, ${key} AS key, ${id('grp')} AS grp,
    sum(${id(applicant)})::DOUBLE AS cnt, min(${id('report_id')}) AS rid
  FROM ${correctedSource(b, 't3x', q.corrections)}
  WHERE ${where([`${id('year')} = ${b.v(q.year)}`, inList(b, 'unit_id', q.units), inList(b, 'grp', OUTCOME_GROUPS)])}
  GROUP BY ${id('unit_id')}, ${groupBy}
), tot AS (
  SELECT unit, sum(cnt) AS total FROM base GROUP BY unit
)
SELECT base.unit AS ${alias('unitId')}, base.name AS ${alias('unit')}, base.rid AS ${alias('reportId')}, base.format AS ${alias('format')}, base.key AS ${alias('key')},
  base.grp AS ${alias('group')}, base.cnt AS ${alias('count')},
  CASE WHEN tot.total <> 0 THEN base.cnt / tot.total END AS ${alias('share')},
  tot.total AS ${alias('unitTotal')}
FROM base JOIN tot ON tot.unit = base.unit
WHERE ${where([inList(b, 'grp', q.groups, 'base'), q.by === 'row' ? inList(b, 'key', q.rows, 'base') : null])}`);
}
