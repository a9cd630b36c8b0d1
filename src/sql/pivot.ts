/**
 * 透视: sums of table-三 cells (or a metric's Σnumerator/Σdenominator) over chosen row and
 * column dimensions, with totals through GROUPING SETS. Shares, header sort and the row limit
 * are applied by the caller (src/queries/fetch/pivot.ts) on these sums.
 */
import { APPLICANT_COLUMNS, OUTCOME_ROWS, TABLE3_COLUMNS } from '../domain/keys';
import { Binder, type BoundQuery } from './bound';
import { inList, where } from './filters';
import { metricSql } from './metric';
import { alias, id } from './schema';

export const PIVOT_DIMENSIONS = [
  'unit',
  'province',
  'prefecture',
  'level',
  'year',
  'format',
  'row',
  'group',
  'applicant',
] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];

export interface PivotQuery {
  rows: readonly PivotDimension[];
  cols: readonly PivotDimension[];
  /** 'sum' sums table-三 cells; { metric } computes a metric's sums instead. */
  value: 'sum' | { metric: string };
  filters: {
    units?: readonly string[];
    provinces?: readonly string[];
    prefectures?: readonly string[];
    levels?: readonly string[];
    years?: readonly number[];
    formats?: readonly string[];
    rows?: readonly string[];
    groups?: readonly string[];
    applicants?: readonly string[];
  };
  totals: boolean;
}

/** `unit` groups by unit_id (two 鼓楼区 are two rows); the UI labels the ids (src/domain/units/labels.ts). */
const DIM_EXPR: Record<PivotDimension, string> = {
  unit: id('unit_id'),
  province: id('province'),
  prefecture: id('prefecture'),
  level: id('level'),
  year: `${id('year')}::VARCHAR`,
  format: id('format'),
  row: id('row'),
  group: id('grp'),
  applicant: id('applicant'),
};

/** Null dimension values (e.g. no province) show as this label. */
export const PIVOT_NULL_LABEL = '—';

function groupingSets(r: string[], c: string[], totals: boolean): string {
  const sets = totals ? [[...r, ...c], r, c, []] : [[...r, ...c]];
  const seen = new Set<string>();
  const unique = sets.filter((s) => {
    const k = s.join(',');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return `GROUPING SETS (${unique.map((s) => `(${s.join(', ')})`).join(', ')})`;
}

export function pivotSql(q: PivotQuery): BoundQuery {
  const all = [...q.rows, ...q.cols];
  for (const d of all)
    if (!(PIVOT_DIMENSIONS as readonly string[]).includes(d))
      throw new Error(`invalid pivot dimension: ${d}`);
  if (new Set(all).size !== all.length) throw new Error(`a pivot dimension is used twice: ${all.join(', ')}`);
  const b = new Binder();
  const f = q.filters;
  const dimFilters = [
    inList(b, 'unit_id', f.units),
    inList(b, 'province', f.provinces),
    inList(b, 'prefecture', f.prefectures),
    inList(b, 'level', f.levels),
    inList(b, 'year', f.years),
    inList(b, 'format', f.formats),
  ];
  let source: string;
  let measures: string;
  if (q.value === 'sum') {
    const byRow = all.includes('row') || all.includes('group');
    const rows = f.rows ?? (f.groups || byRow ? undefined : ['total_handled']);
    const groupsDefault = !f.rows && !f.groups && byRow ? OUTCOME_ROWS : undefined;
    const rowFilter = where([
      ...dimFilters,
      inList(b, 'row', rows),
      inList(b, 'grp', f.groups),
      groupsDefault ? inList(b, 'row', groupsDefault) : null,
    ]);
    const byApplicant = all.includes('applicant');
    const applicants = (f.applicants ?? (byApplicant ? APPLICANT_COLUMNS : ['total'])).filter((c) =>
      (TABLE3_COLUMNS as readonly string[]).includes(c),
    ) as (typeof TABLE3_COLUMNS)[number][];
    if (applicants.length === 0) throw new Error('pivot: no valid applicant column');
    // Only the dimensions grouped on: UNPIVOT copies every column it carries once per applicant,
    // and the unused name strings made it ~4× slower than native at nationwide scale.
    const dimCols = all
      .filter((d): d is Exclude<PivotDimension, 'applicant'> => d !== 'applicant')
      .map((d) => `${id(d === 'group' ? 'grp' : d === 'unit' ? 'unit_id' : d)}, `)
      .join('');
    source = byApplicant
      ? `(UNPIVOT (SELECT ${dimCols}${applicants.map((c) => id(c)).join(', ')} FROM ${id('t3x')} WHERE ${rowFilter})
    ON ${applicants.map((c) => id(c)).join(', ')} INTO NAME ${id('applicant')} VALUE ${id('v')})`
      : `(SELECT ${dimCols}list_sum([${applicants.map((c) => id(c)).join(', ')}]) AS ${id('v')} FROM ${id('t3x')} WHERE ${rowFilter})`;
    measures = `sum(${id('v')})::DOUBLE AS ${alias('sum')}, NULL::DOUBLE AS ${alias('denominator')}`;
  } else {
    const bad = all.filter((d) => d === 'row' || d === 'group' || d === 'applicant');
    if (bad.length > 0) throw new Error(`pivot: a rate cannot be split by ${bad.join(', ')}`);
    const m = metricSql(b, q.value.metric);
    source = `(SELECT * FROM ${id(m.table)} WHERE ${where([...dimFilters, m.rows, m.comparable(id('format'))])})`;
    measures = `${m.numerator} AS ${alias('sum')}, ${m.denominator ?? 'NULL::DOUBLE'} AS ${alias('denominator')}`;
  }
  const rExpr = q.rows.map((d) => DIM_EXPR[d]);
  const cExpr = q.cols.map((d) => DIM_EXPR[d]);
  const select = [
    ...q.rows.map((d, i) => `coalesce(${DIM_EXPR[d]}, ${b.v(PIVOT_NULL_LABEL)}) AS ${alias(`r${i}`)}`),
    ...q.cols.map((d, i) => `coalesce(${DIM_EXPR[d]}, ${b.v(PIVOT_NULL_LABEL)}) AS ${alias(`c${i}`)}`),
  ];
  const rowGrouped = rExpr.length > 0 ? `grouping(${rExpr.join(', ')})` : '0';
  const colGrouped = cExpr.length > 0 ? `grouping(${cExpr.join(', ')})` : '0';
  return b.done(`
SELECT ${[...select, measures].join(', ')},
  (${rowGrouped} > 0) AS ${alias('rowTotal')}, (${colGrouped} > 0) AS ${alias('colTotal')}
FROM ${source} AS s
GROUP BY ${groupingSets(rExpr, cExpr, q.totals)}`);
}
