/** 年报: a report's printed tables, its failed checks and its unit's other years. */
import type { CheckRow, ReportRow } from '../dataset/rows';
import type { Queryable } from '../db/types';
import type { TableName } from '../domain/keys';
import { type CellSourceRow, cellSourcesSql, reportCellsSql, reportRowSql } from '../sql';
import { dbQuery } from './options';
import type { ReportCell, ReportDetail, ReportParams } from './types';

/** 年报: one unit-year as tables 二/三/四 with failed checks attached to cells; null when absent. Asks nothing for `null`. */
export const reportQuery = (p: ReportParams | null) =>
  dbQuery('report', p ?? { reportId: '' }, fetchReport, p !== null);

/**
 * Where each figure of one report was printed (the optional `src_` columns of cells), by
 * `table.row.col`; asked only when the Report view shows a figure's source.
 */
export const cellSourcesQuery = (reportId: string | null) =>
  dbQuery('cellSources', reportId ?? '', fetchCellSources, reportId !== null);

/** Does a check location (`table3.*.total`, `table3.granted.total`, `table4.review.*`) cover a cell? */
export function locationCovers(location: string, table: string, row: string, col: string): boolean {
  return location.split(/[,;\s]+/).some((loc) => {
    const [t, r, c] = loc.split('.');
    if (t !== table) return false;
    return (r === undefined || r === '*' || r === row) && (c === undefined || c === '*' || c === col);
  });
}

export async function fetchReport(db: Queryable, p: ReportParams): Promise<ReportDetail | null> {
  const [row] = await db.query<
    ReportRow & { rid: number | null; unitYears: number[] | null; failedChecks: CheckRow[] | null }
  >(reportRowSql(p));
  if (!row) return null;
  const { rid, unitYears, failedChecks, ...report } = row;
  const checks = failedChecks ?? [];
  const cells = await db.query<{
    table: TableName;
    row: string;
    col: string;
    value: number | null;
    raw: string | null;
  }>(reportCellsSql(rid === null ? report.report_id : { rid }));
  // Rows and columns come from the data: null-prototype objects, so no value (`__proto__`,
  // `constructor`) can reach Object.prototype or read something that is not a cell.
  const tables: ReportDetail['tables'] = { table2: dict(), table3: dict(), table4: dict() };
  for (const c of cells) {
    if (!Object.hasOwn(tables, c.table)) continue;
    const t = tables[c.table];
    const cell: ReportCell = {
      value: c.value,
      raw: c.raw,
      failed: checks.filter((k) => locationCovers(k.location, c.table, c.row, c.col)),
    };
    t[c.row] ??= dict();
    t[c.row]![c.col] = cell;
  }
  return { report, tables, checks, years: unitYears ?? [] };
}

function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** One report's cell places (`src_` columns), by `table.row.col`; empty when the data has none. */
export async function fetchCellSources(db: Queryable, reportId: string): Promise<Map<string, CellSourceRow>> {
  const rows = db.cellSources
    ? await db.cellSources(reportId)
    : await db.query<CellSourceRow>(cellSourcesSql(reportId));
  return new Map(rows.map((r) => [`${r.table}.${r.row}.${r.col}`, r]));
}
