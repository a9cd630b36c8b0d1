/** 年报: one report with its checks and its unit's years, and its cells. */
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../domain/keys';
import { CELL_SOURCE_COLUMNS, type CellSourceColumn } from '../domain/vocab';
import { Binder, type BoundQuery } from './bound';
import { alias, id, SCHEMA } from './schema';

/** A report by id, or a unit's (unit_id) report of `year` when it has one, else its latest (year null: latest). */
export type ReportKey = { reportId: string } | { unitId: string; year: number | null };

/**
 * The report's row, its `rid` (the integer key of the helper tables), its unit's years
 * (`unitYears`) and its failed checks (`failedChecks`, by rule and location): one statement,
 * where it was three (each a prepare and a run queued on DuckDB's worker when a report opens).
 * The cells are then read by `rid` (`reportCellsSql`), which lets DuckDB skip to its rows;
 * matching a report id through a subquery scanned every row of the wide tables (~2× slower in wasm).
 */
export function reportRowSql(key: ReportKey): BoundQuery {
  const b = new Binder();
  const cols = SCHEMA.reports.map((c) =>
    c === 'year' || c === 'check_failures' ? `r.${id(c)}::INTEGER AS ${id(c)}` : `r.${id(c)}`,
  );
  const cond =
    'reportId' in key
      ? `r.${id('report_id')} = ${b.v(key.reportId)}`
      : `r.${id('unit_id')} = ${b.v(key.unitId)}`;
  const preferred =
    'reportId' in key || key.year === null ? '' : `(r.${id('year')} = ${b.v(key.year)}) DESC, `;
  const latest = 'reportId' in key ? '' : `r.${id('year')} DESC, `;
  const check = SCHEMA.checks.map((c) => `${id(c)} := c.${id(c)}`).join(', ');
  return b.done(`
SELECT ${cols.join(', ')}, k.${id('rid')},
  (SELECT list(y.${id('year')} ORDER BY y.${id('year')}) FROM (
    SELECT DISTINCT u.${id('year')}::INTEGER AS ${id('year')} FROM ${id('reports')} u
    WHERE u.${id('unit_id')} = r.${id('unit_id')}) y) AS ${alias('unitYears')},
  (SELECT list(struct_pack(${check}) ORDER BY c.${id('rule')}, c.${id('location')})
    FROM ${id('checks')} c WHERE c.${id('report_id')} = r.${id('report_id')}) AS ${alias('failedChecks')}
FROM ${id('reports')} r
LEFT JOIN ${id('rkeys')} k ON k.${id('report_id')} = r.${id('report_id')}
WHERE ${cond}
ORDER BY ${preferred}${latest}r.${id('report_id')}
LIMIT 1`);
}

/**
 * The report's printed cells, rebuilt from the helper tables (./derived.ts) rather than `cells`,
 * which a precomputed dataset loads only when it must (export, import): the numbers come from
 * the wide tables, blanks and non-numbers with their printed text from `craw`.
 */
export function reportCellsSql(report: string | { rid: number }): BoundQuery {
  const b = new Binder();
  const rid =
    typeof report === 'string'
      ? `(SELECT ${id('rid')} FROM ${id('rkeys')} WHERE ${id('report_id')} = ${b.v(report)})`
      : `${b.v(report.rid)}::INTEGER`;
  const unpivot = (t: 't3n' | 't4n', cols: readonly string[]) =>
    `SELECT ${id('rid')}, ${id('ki')}, ${id('col')}, ${id('value')} FROM (UNPIVOT (SELECT * FROM ${id(t)} WHERE ${id('rid')} = ${rid})
    ON ${cols.map((c) => id(c as never)).join(', ')} INTO NAME ${id('col')} VALUE ${id('value')})`;
  return b.done(`
WITH n AS (
  ${unpivot('t3n', TABLE3_COLUMNS)}
  UNION ALL ${unpivot('t4n', TABLE4_COLUMNS)}
  UNION ALL SELECT ${id('rid')}, ${id('ki')}, ${id('col')}, ${id('value')} FROM ${id('t2n')}
    WHERE ${id('rid')} = ${rid} AND ${id('value')} IS NOT NULL
), r AS (
  SELECT * FROM ${id('craw')} WHERE ${id('rid')} = ${rid}
)
SELECT w.${id('table')}, w.${id('row')}, n.${id('col')}, n.${id('value')}, NULL::VARCHAR AS ${id('raw')}
FROM n JOIN ${id('rowkeys')} w ON w.${id('ki')} = n.${id('ki')}
WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.${id('ki')} = n.${id('ki')} AND r.${id('col')} = n.${id('col')})
UNION ALL
SELECT w.${id('table')}, w.${id('row')}, r.${id('col')}, r.${id('value')}, r.${id('raw')}
FROM r JOIN ${id('rowkeys')} w ON w.${id('ki')} = r.${id('ki')}`);
}

/** A cell's place in its source document: the `src_` columns that are set (see CELL_SOURCE). */
export type CellSourceRow = { table: string; row: string; col: string } & Partial<
  Record<CellSourceColumn, number>
>;

/** The cells of one report that carry a place (the optional `src_` provenance columns of cells). */
export function cellSourcesSql(reportId: string): BoundQuery {
  const b = new Binder();
  const src = CELL_SOURCE_COLUMNS.map((c) => id(c)).join(', ');
  const any = CELL_SOURCE_COLUMNS.map((c) => `${id(c)} IS NOT NULL`).join(' OR ');
  return b.done(`
SELECT ${id('table')}, ${id('row')}, ${id('col')}, ${src} FROM ${id('cells')}
WHERE ${id('report_id')} = ${b.v(reportId)} AND (${any})`);
}
