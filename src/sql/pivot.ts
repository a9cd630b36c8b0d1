/**
 * 透视: sums of table-三 cells (or a metric's Σnumerator/Σdenominator) over chosen row and
 * column dimensions, with totals and row subtotals through GROUPING SETS: every total is its own
 * aggregate over the reports it covers (a rate's subtotal is Σnumerator / Σdenominator of its
 * group, never a sum of the rates shown). Shares, header sort and the row limit are applied by
 * the caller (src/queries/pivot.ts) on these sums.
 */
import { APPLICANT_COLUMNS, OUTCOME_ROWS, TABLE3_COLUMNS } from '../domain/keys';
import {
  measureConflicts,
  PIVOT_DIM_SPEC,
  PIVOT_DIMS,
  type PivotDim,
  type PivotFilters,
} from '../domain/vocab';
import { Binder, type BoundQuery, type SqlValue } from './bound';
import { type CorrectedCell, correctedSource } from './corrected';
import { inList, where } from './filters';
import { metricSql } from './metric';
import { type AnyColumn, alias, id } from './schema';

export interface PivotQuery {
  rows: readonly PivotDim[];
  cols: readonly PivotDim[];
  /** 'sum' sums table-三 cells; { metric } computes a metric's sums instead. */
  value: 'sum' | { metric: string };
  filters: PivotFilters;
  totals: boolean;
  /** Corrected values to read instead of the printed ones ("with corrections"); none = as printed. */
  corrections?: readonly CorrectedCell[];
}

/** The column of t3x (and of the metric tables, for report dims) each dimension reads. */
/** `unit` and `parent` group by unit_id (two 鼓楼区 are two rows); the UI labels the ids. */
const DIM_COLUMN = {
  unit: 'unit_id',
  parent: 'parent_unit_id',
  unit_kind: 'unit_kind',
  province: 'province',
  prefecture: 'prefecture',
  level: 'level',
  year: 'year',
  format: 'format',
  row: 'row',
  group: 'grp',
  applicant: 'applicant',
} as const satisfies Record<PivotDim, AnyColumn>;

/** The expression a dimension groups on: its column, as text (headers are strings). */
const DIM_EXPR = Object.fromEntries(
  PIVOT_DIMS.map((d) => [d, d === 'year' ? `${id(DIM_COLUMN[d])}::VARCHAR` : id(DIM_COLUMN[d])]),
) as Record<PivotDim, string>;

/** A filter's values as the column holds them (years are integers; the URL carries text). */
const filterValues = (d: PivotDim, values: readonly string[] | undefined): SqlValue[] | undefined =>
  values === undefined ? undefined : PIVOT_DIM_SPEC[d].values === 'year' ? values.map(Number) : [...values];

/** Null dimension values (e.g. no province) show as this label. */
export const PIVOT_NULL_LABEL = '—';

/**
 * With totals: every row prefix (a subtotal per value of the first row dims, like ROLLUP on the
 * rows) crossed with the column dims and with none, then the column totals and the grand total.
 */
function groupingSets(r: string[], c: string[], totals: boolean): string {
  const prefixes = r.map((_, i) => r.slice(0, r.length - i));
  const sets = totals ? [...prefixes.flatMap((p) => [[...p, ...c], p]), c, []] : [[...r, ...c]];
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
    if (!(PIVOT_DIMS as readonly string[]).includes(d)) throw new Error(`invalid pivot dimension: ${d}`);
  if (new Set(all).size !== all.length) throw new Error(`a pivot dimension is used twice: ${all.join(', ')}`);
  const b = new Binder();
  const f = q.filters;
  // Each read of t3x binds its corrections anew (one bound value list per occurrence).
  const t3x = () => correctedSource(b, 't3x', q.corrections);
  // Filters on the report's own dims apply to any measure; the cell dims (row, group,
  // applicant) choose which cells a sum adds up, below.
  const dimFilters = PIVOT_DIMS.filter((d) => PIVOT_DIM_SPEC[d].scope === 'report').map((d) =>
    inList(b, DIM_COLUMN[d], filterValues(d, f[d])),
  );
  let source: string;
  let measures: string;
  if (q.value === 'sum') {
    const byRow = all.includes('row') || all.includes('group');
    const rows = f.row ?? (f.group || byRow ? undefined : ['total_handled']);
    const groupsDefault = !f.row && !f.group && byRow ? OUTCOME_ROWS : undefined;
    // Built only where used: every fragment binds its values as it is written.
    const rowFilter = () =>
      where([
        ...dimFilters,
        inList(b, 'row', rows),
        inList(b, 'grp', f.group),
        groupsDefault ? inList(b, 'row', groupsDefault) : null,
      ]);
    const byApplicant = all.includes('applicant');
    const applicants = (f.applicant ?? (byApplicant ? APPLICANT_COLUMNS : ['total'])).filter((c) =>
      (TABLE3_COLUMNS as readonly string[]).includes(c),
    ) as (typeof TABLE3_COLUMNS)[number][];
    if (applicants.length === 0) throw new Error('pivot: no valid applicant column');
    // Only the dimensions grouped on: UNPIVOT copies every column it carries once per applicant,
    // and the unused name strings made it ~4× slower than native at nationwide scale.
    const dimCols = all
      .filter((d) => d !== 'applicant')
      .map((d) => `${id(DIM_COLUMN[d])}, `)
      .join('');
    const cellSum = `list_sum([${applicants.map((c) => id(c)).join(', ')}])`;
    if (!byApplicant && !byRow) {
      // Every report of the layout's cells counts, also one without the summed rows (an
      // incomplete table 三): it adds no number but is counted, so the cell can say so instead
      // of the report, and with it a whole province, silently vanishing.
      // The report filters name columns only `reports` has here (x has report_id and v).
      const reportFilter = where(dimFilters);
      const cellFilter = where([inList(b, 'row', rows), inList(b, 'grp', f.group)]);
      const rCols = all.map((d) => `r.${id(DIM_COLUMN[d])} AS ${id(DIM_COLUMN[d])}, `).join('');
      source = `(SELECT ${rCols}x.${id('v')} AS ${id('v')} FROM ${id('reports')} r
    LEFT JOIN (SELECT ${id('report_id')}, sum(${cellSum}) AS ${id('v')} FROM ${t3x()} WHERE ${cellFilter} GROUP BY ${id('report_id')}) x
    ON x.${id('report_id')} = r.${id('report_id')}
    WHERE ${reportFilter})`;
      measures = `sum(${id('v')})::DOUBLE AS ${alias('sum')}, NULL::DOUBLE AS ${alias('denominator')},
  count(*)::DOUBLE AS ${alias('reports')}, count(${id('v')})::DOUBLE AS ${alias('reported')}`;
    } else {
      source = byApplicant
        ? `(UNPIVOT (SELECT ${dimCols}${applicants.map((c) => id(c)).join(', ')} FROM ${t3x()} WHERE ${rowFilter()})
    ON ${applicants.map((c) => id(c)).join(', ')} INTO NAME ${id('applicant')} VALUE ${id('v')})`
        : `(SELECT ${dimCols}${cellSum} AS ${id('v')} FROM ${t3x()} WHERE ${rowFilter()})`;
      measures = `sum(${id('v')})::DOUBLE AS ${alias('sum')}, NULL::DOUBLE AS ${alias('denominator')},
  NULL::DOUBLE AS ${alias('reports')}, NULL::DOUBLE AS ${alias('reported')}`;
    }
  } else {
    const bad = measureConflicts({ kind: 'rate', metric: q.value.metric }, all);
    if (bad.length > 0) throw new Error(`pivot: a rate cannot be split by ${bad.join(', ')}`);
    const m = metricSql(b, q.value.metric);
    source = `(SELECT * FROM ${correctedSource(b, m.table, q.corrections)} WHERE ${where([...dimFilters, m.rows, m.comparable(id('format'))])})`;
    measures = `${m.numerator} AS ${alias('sum')}, ${m.denominator ?? 'NULL::DOUBLE'} AS ${alias('denominator')},
  NULL::DOUBLE AS ${alias('reports')}, NULL::DOUBLE AS ${alias('reported')}`;
  }
  const rExpr = q.rows.map((d) => DIM_EXPR[d]);
  const cExpr = q.cols.map((d) => DIM_EXPR[d]);
  const select = [
    ...q.rows.map((d, i) => `coalesce(${DIM_EXPR[d]}, ${b.v(PIVOT_NULL_LABEL)}) AS ${alias(`r${i}`)}`),
    ...q.cols.map((d, i) => `coalesce(${DIM_EXPR[d]}, ${b.v(PIVOT_NULL_LABEL)}) AS ${alias(`c${i}`)}`),
  ];
  const rowGrouped = rExpr.length > 0 ? `grouping(${rExpr.join(', ')})` : '0';
  const colGrouped = cExpr.length > 0 ? `grouping(${cExpr.join(', ')})` : '0';
  // How many leading row dims the line is grouped on: all of them for a cell, fewer for a
  // subtotal, 0 for a column total.
  const rowDepth = rExpr.length > 0 ? rExpr.map((e) => `(1 - grouping(${e}))`).join(' + ') : '0';
  return b.done(`
SELECT ${[...select, measures].join(', ')},
  (${rowGrouped} > 0) AS ${alias('rowTotal')}, (${colGrouped} > 0) AS ${alias('colTotal')},
  (${rowDepth})::INTEGER AS ${alias('rowDepth')}
FROM ${source} AS s
GROUP BY ${groupingSets(rExpr, cExpr, q.totals)}`);
}
