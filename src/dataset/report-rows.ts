import {
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLES,
  type TableName,
} from '../domain/keys';
import type { CellSource, RegionRef, Report } from '../domain/report';
import type { CellSourceColumn } from '../domain/vocab';
import { reportId } from './report-id';
import type { CellRow, CheckRow, ReportRow, UnitKind } from './rows';
import type { UnitIdentity } from './unit-identity';

/** Where a report's unit sits: a `Resolution` of src/region has this shape. */
export interface RegionPlacement {
  region: RegionRef;
  province: string | null;
  prefecture: string | null;
  county: string | null;
}

export interface ReportRowMeta {
  unitKind: UnitKind;
  /** unit_id and parent_unit_id (./unit-identity.ts `identityOf`). */
  identity: UnitIdentity;
  /** null when the unit could not be resolved: the report is kept, its region columns are null. */
  placement: RegionPlacement | null;
  /** A URL or file name; 'synthetic' / 'imported' for generated or dropped-in reports. */
  source: string;
  parserVersion: string;
}

/** The report's id (see `reportId`). */
export function idOf(report: Report): string {
  return reportId(report.unit, report.year, report.source.sha256);
}

export function toReportRow(report: Report, meta: ReportRowMeta): ReportRow {
  const p = meta.placement;
  return {
    report_id: idOf(report),
    unit_id: meta.identity.unitId,
    unit: report.unit,
    unit_kind: meta.unitKind,
    parent_unit_id: meta.identity.parentUnitId,
    region_code: p?.region.code ?? null,
    region_name: p?.region.name ?? null,
    province: p?.province ?? null,
    prefecture: p?.prefecture ?? null,
    county: p?.county ?? null,
    level: p?.region.level ?? null,
    year: report.year,
    format: report.format,
    source: meta.source,
    sha256: report.source.sha256,
    parser_version: meta.parserVersion,
    check_failures: report.checks.length,
  };
}

/**
 * One row per printed cell, tables in order 二/三/四 and rows/columns in printed order.
 * A number keeps `raw` null unless the parser kept the printed text (e.g. `22（其中修订16件）`);
 * a non-number keeps what was printed: `/`, `-`, `—`, or `''` for a blank cell. Blank is not 0.
 */
export function toCellRows(
  report: Report,
  id: string = idOf(report),
  src?: Readonly<Record<string, CellSource>>,
): CellRow[] {
  const rows: CellRow[] = [];
  for (const table of TABLES) {
    const values = report[table];
    const rawOnly = rawCellsOf(report, table);
    const rowKeys = ordered([...Object.keys(values), ...rawOnly.keys()], rowOrder(report, table));
    for (const row of rowKeys) {
      const cols = values[row] ?? {};
      const colKeys = ordered(
        [...Object.keys(cols), ...(rawOnly.get(row) ?? [])],
        colOrder(report, table, row),
      );
      for (const col of colKeys) {
        const value = cols[col];
        const printed = report.raw[`${table}.${row}.${col}`];
        const isNumber = typeof value === 'number' && Number.isFinite(value);
        const at =
          src && Object.hasOwn(src, `${table}.${row}.${col}`) ? src[`${table}.${row}.${col}`] : undefined;
        rows.push({
          report_id: id,
          table,
          row,
          col,
          value: isNumber ? value : null,
          raw: isNumber ? (printed ?? null) : (printed ?? ''),
          ...(at ? sourceColumns(at) : {}),
        });
      }
    }
  }
  return rows;
}

/**
 * A parser place (src/domain/report.ts `CellSource`) as the `src_` columns of the contract: a page
 * and box for PDFs and scans, table/row/column and span for grid rows, line and span otherwise.
 * Counts are 1-based for people and other tools; the span stays a 0-based [start, end).
 */
export function sourceColumns(at: CellSource): Partial<Record<CellSourceColumn, number>> {
  if (at.page !== undefined) {
    const out: Partial<Record<CellSourceColumn, number>> = { src_page: at.page };
    if (at.box) [out.src_x0, out.src_y0, out.src_x1, out.src_y1] = at.box.map(round2);
    return out;
  }
  if (at.table !== undefined && at.row !== undefined)
    return {
      src_table: at.table + 1,
      src_row: at.row + 1,
      src_col: at.cell + 1,
      src_start: at.start,
      src_end: at.end,
    };
  return { src_line: at.line + 1, src_start: at.start, src_end: at.end };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function toCheckRows(report: Report, id: string = idOf(report)): CheckRow[] {
  return report.checks.map((c) => ({
    report_id: id,
    rule: c.rule,
    location: c.where,
    expected: c.expected,
    actual: c.actual,
    message: c.message,
  }));
}

/** Cells present only in `raw` (printed but never numeric), by row. */
function rawCellsOf(report: Report, table: TableName): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of Object.keys(report.raw)) {
    const [t, row, col] = key.split('.');
    if (t !== table || !row || !col) continue;
    if (report[table][row]?.[col] !== undefined) continue;
    out.set(row, [...(out.get(row) ?? []), col]);
  }
  return out;
}

function rowOrder(report: Report, table: TableName): readonly string[] {
  if (table === 'table3') return TABLE3_ROW_KEYS;
  if (table === 'table4') return TABLE4_GROUPS;
  return Object.keys(TABLE2_ITEMS[report.format]);
}

function colOrder(report: Report, table: TableName, row: string): readonly string[] {
  if (table === 'table3') return TABLE3_COLUMNS;
  if (table === 'table4') return TABLE4_COLUMNS;
  return TABLE2_ITEMS[report.format][row] ?? [];
}

/** Distinct keys, known ones in contract order, unknown ones after them alphabetically. */
function ordered(keys: readonly string[], order: readonly string[]): string[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
