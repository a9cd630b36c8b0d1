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
import { type CorrectedCell, correctedSource, correctedT3n } from './corrected';
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

/** The expression a dimension groups on: its column (years as numbers, see `shown`). */
const DIM_EXPR = Object.fromEntries(PIVOT_DIMS.map((d) => [d, id(DIM_COLUMN[d])])) as Record<
  PivotDim,
  string
>;

/**
 * A dimension's key as the answer gives it: text (headers are strings). Years are grouped as
 * numbers and turned into text on the few answer lines: casting, then hashing, every cell row's
 * year as a string cost more than the grouping itself in wasm.
 */
const shown = (d: PivotDim, e: string): string => (d === 'year' ? `${e}::VARCHAR` : e);

/** A dimension's column in the finest grouping (`f`) and in what the grouping sets read. */
const key = (d: PivotDim): string => (d === 'applicant' ? id('applicant') : alias(`k_${d}`));

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
  // The finest grouping (every dimension but applicant) is aggregated once, in `f`, with
  // measures that add up (sums and counts); the grouping sets then roll up its few rows. Grouping
  // sets straight over the cells hashed every cell once per set: 4.3× slower than native DuckDB
  // in wasm, the worst statement of a session (issue 12).
  const fine = all
    .filter((d) => d !== 'applicant')
    .map((d) => `${DIM_EXPR[d]} AS ${key(d)}, `)
    .join('');
  let source: string;
  let measures: string;
  if (q.value === 'sum') {
    const byRow = all.includes('row') || all.includes('group');
    const rows = f.row ?? (f.group || byRow ? undefined : ['total_handled']);
    const groupsDefault = !f.row && !f.group && byRow ? OUTCOME_ROWS : undefined;
    const byApplicant = all.includes('applicant');
    const applicants = (f.applicant ?? (byApplicant ? APPLICANT_COLUMNS : ['total'])).filter((c) =>
      (TABLE3_COLUMNS as readonly string[]).includes(c),
    ) as (typeof TABLE3_COLUMNS)[number][];
    if (applicants.length === 0) throw new Error('pivot: no valid applicant column');
    const cols = applicants.map((c) => id(c));
    // Each column summed on its own, added up after: list_sum over every cell row cost more
    // than the rest of the statement. Same numbers: both skip blanks, and are NULL when all are.
    const colSums = cols.map((c) => `sum(${c}) AS ${c}`).join(', ');
    const cellSum = `list_sum([${cols.join(', ')}])`;
    if (!byApplicant && !byRow) {
      // Every report of the layout's cells counts, also one without the summed rows (an
      // incomplete table 三): it adds no number but is counted, so the cell can say so instead
      // of the report, and with it a whole province, silently vanishing.
      // Summed per report on the narrow table (integer keys), then grouped with the report's dims
      // from rkeys (reports as loaded, merges applied): reading t3x joined every cell row to them.
      const reportFilter = where(dimFilters);
      const cellFilter = where([inList(b, 'row', rows, 'w'), inList(b, 'grp', f.group, 'w')]);
      // One printed row (the default 总数): a report has at most one t3n line of it (one per
      // rid × ki), so its sum is that line and the per-report grouping (a hash table of every
      // report, the statement's dearest step in wasm) is left out.
      const oneLine = rows?.length === 1 && f.group === undefined;
      const perReport = oneLine
        ? `SELECT t.${id('rid')}, list_sum([${cols.map((c) => `t.${c}`).join(', ')}]) AS ${id('v')}
    FROM ${correctedT3n(b, 't', q.corrections)} JOIN ${id('rowkeys')} w ON w.${id('ki')} = t.${id('ki')}
    WHERE ${cellFilter}`
        : `SELECT t.${id('rid')}, list_sum([${cols.map((c) => `sum(t.${c})`).join(', ')}]) AS ${id('v')}
    FROM ${correctedT3n(b, 't', q.corrections)} JOIN ${id('rowkeys')} w ON w.${id('ki')} = t.${id('ki')}
    WHERE ${cellFilter} GROUP BY t.${id('rid')}`;
      source = `(SELECT ${fine}sum(x.${id('v')}) AS ${id('v')}, count(*) AS n, count(x.${id('v')}) AS nv
  FROM ${id('rkeys')} r
  LEFT JOIN (${perReport}) x
  ON x.${id('rid')} = r.${id('rid')}
  WHERE ${reportFilter}
  GROUP BY ALL)`;
      measures = `sum(${id('v')})::DOUBLE AS ${alias('sum')}, NULL::DOUBLE AS ${alias('denominator')},
  coalesce(sum(n), 0)::DOUBLE AS ${alias('reports')}, coalesce(sum(nv), 0)::DOUBLE AS ${alias('reported')}`;
    } else {
      const rowFilter = where([
        ...dimFilters,
        inList(b, 'row', rows),
        inList(b, 'grp', f.group),
        groupsDefault ? inList(b, 'row', groupsDefault) : null,
      ]);
      const perColumn = `(SELECT ${fine}${colSums} FROM ${t3x()} WHERE ${rowFilter} GROUP BY ALL)`;
      const keys = all
        .filter((d) => d !== 'applicant')
        .map((d) => `${key(d)}, `)
        .join('');
      // UNPIVOT leaves out blanks, as a sum skips them: a line with none has no cell.
      source = byApplicant
        ? `(UNPIVOT ${perColumn} ON ${cols.join(', ')} INTO NAME ${id('applicant')} VALUE ${id('v')})`
        : `(SELECT ${keys}${cellSum} AS ${id('v')} FROM ${perColumn})`;
      measures = `sum(${id('v')})::DOUBLE AS ${alias('sum')}, NULL::DOUBLE AS ${alias('denominator')},
  NULL::DOUBLE AS ${alias('reports')}, NULL::DOUBLE AS ${alias('reported')}`;
    }
  } else {
    const bad = measureConflicts({ kind: 'rate', metric: q.value.metric }, all);
    if (bad.length > 0) throw new Error(`pivot: a rate cannot be split by ${bad.join(', ')}`);
    const m = metricSql(b, q.value.metric);
    // Σnumerator and Σdenominator per finest group; a total is the sum of its groups' sums, so a
    // rate's subtotal stays Σnumerator / Σdenominator of the reports it covers.
    const den = m.denominator ? `, ${m.denominator} AS den` : '';
    source = `(SELECT ${fine}${m.numerator} AS num${den}
  FROM ${correctedSource(b, m.table, q.corrections)}
  WHERE ${where([...dimFilters, m.rows, m.comparable(id('format'))])}
  GROUP BY ALL)`;
    measures = `sum(num)::DOUBLE AS ${alias('sum')}, ${m.denominator ? 'sum(den)::DOUBLE' : 'NULL::DOUBLE'} AS ${alias('denominator')},
  NULL::DOUBLE AS ${alias('reports')}, NULL::DOUBLE AS ${alias('reported')}`;
  }
  const rExpr = q.rows.map(key);
  const cExpr = q.cols.map(key);
  const select = [
    ...rExpr.map(
      (e, i) => `coalesce(${shown(q.rows[i]!, e)}, ${b.v(PIVOT_NULL_LABEL)}) AS ${alias(`r${i}`)}`,
    ),
    ...cExpr.map(
      (e, i) => `coalesce(${shown(q.cols[i]!, e)}, ${b.v(PIVOT_NULL_LABEL)}) AS ${alias(`c${i}`)}`,
    ),
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
