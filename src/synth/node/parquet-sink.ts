/**
 * Bulk Parquet writer for the synthetic dataset (Node only: native DuckDB).
 *
 * src/dataset/node/parquet-writer.ts takes every row as a JS object and appends cell by cell; at
 * nationwide scale (~5M cells) that costs gigabytes of objects and ~30M native calls. Here each
 * report's cells travel as one string (`v1;v2;…`) plus a layout id naming its (table, row, col)
 * sequence, and DuckDB unnests them: ~25k appended rows instead of 5M. Column types, compression
 * and row-group size are those of the dataset writer, so both produce the same contract files.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  type CellRow,
  type CheckRow,
  PARQUET_FILES,
  type RegionRow,
  type ReportRow,
} from '../../dataset/rows';
import {
  CELL_COLUMNS,
  CHECK_COLUMNS,
  type ColumnType,
  REGION_COLUMNS,
  REPORT_COLUMNS,
} from '../../dataset/schema';

/** As in the dataset writer: ~40 row groups for a nationwide cells file, prunable by report_id. */
export const ROW_GROUP_SIZE = 122_880;
const SEPARATOR = ';';

export interface WrittenFile {
  file: string;
  rows: number;
  bytes: number;
}
export type WrittenDataset = Record<keyof typeof PARQUET_FILES, WrittenFile>;

type Columns = readonly (readonly [string, ColumnType])[];

export class SynthParquetSink {
  private readonly layouts = new Map<string, number>();
  private readonly layoutCells: (readonly [string, string, string])[][] = [];
  private counts = { reports: 0, cells: 0, checks: 0, regions: 0 };

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: Record<'reports' | 'checks' | 'regions' | 'lines', DuckDBAppender>,
  ) {}

  static async open(): Promise<SynthParquetSink> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const ddl = (cols: Columns) => cols.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ');
    await connection.run(`CREATE TABLE reports (${ddl(REPORT_COLUMNS)})`);
    await connection.run(`CREATE TABLE checks (${ddl(CHECK_COLUMNS)})`);
    await connection.run(`CREATE TABLE regions (${ddl(REGION_COLUMNS)})`);
    await connection.run('CREATE TABLE lines (report_id VARCHAR, layout INTEGER, vals VARCHAR)');
    return new SynthParquetSink(instance, connection, {
      reports: await connection.createAppender('reports'),
      checks: await connection.createAppender('checks'),
      regions: await connection.createAppender('regions'),
      lines: await connection.createAppender('lines'),
    });
  }

  /**
   * The printed values of `cells` as one line, and the key of their (table, row, col) sequence.
   * Exposed so the caller can hash a report's content before it has an id.
   */
  static encodeCells(cells: readonly CellRow[]): { layoutKey: string; line: string } {
    const keys = new Array<string>(cells.length);
    const values = new Array<string>(cells.length);
    cells.forEach((c, i) => {
      keys[i] = `${c.table}.${c.row}.${c.col}`;
      if (c.value !== null) {
        if (c.raw !== null) throw new Error(`annotated number not supported in bulk cells: ${keys[i]}`);
        values[i] = String(c.value);
      } else {
        const raw = c.raw ?? '';
        if (raw.includes(SEPARATOR) || Number.isFinite(Number.parseFloat(raw)))
          throw new Error(`printed text would not survive the bulk path: ${keys[i]}=${raw}`);
        values[i] = raw;
      }
    });
    return { layoutKey: keys.join(SEPARATOR), line: values.join(SEPARATOR) };
  }

  addReport(
    report: ReportRow,
    encoded: { layoutKey: string; line: string },
    cellCount: number,
    checks: readonly CheckRow[],
  ): void {
    appendRow(this.appenders.reports, REPORT_COLUMNS, report);
    for (const check of checks) appendRow(this.appenders.checks, CHECK_COLUMNS, check);
    let layout = this.layouts.get(encoded.layoutKey);
    if (layout === undefined) {
      layout = this.layoutCells.length;
      this.layouts.set(encoded.layoutKey, layout);
      this.layoutCells.push(
        encoded.layoutKey.split(SEPARATOR).map((k) => {
          const [table, row, col] = k.split('.') as [string, string, string];
          return [table, row, col] as const;
        }),
      );
    }
    const lines = this.appenders.lines;
    lines.appendVarchar(report.report_id);
    lines.appendInteger(layout);
    lines.appendVarchar(encoded.line);
    lines.endRow();
    this.counts.reports++;
    this.counts.checks += checks.length;
    this.counts.cells += cellCount;
  }

  addRegions(rows: readonly RegionRow[]): void {
    for (const row of rows) appendRow(this.appenders.regions, REGION_COLUMNS, row);
    this.counts.regions += rows.length;
  }

  /** Writes the four files into `dir` (which must exist) and closes the sink. */
  async write(dir: string): Promise<WrittenDataset> {
    try {
      for (const appender of Object.values(this.appenders)) appender.closeSync();
      await this.writeLayouts();
      const file = (name: keyof typeof PARQUET_FILES) => path.join(dir, PARQUET_FILES[name]);
      const cellSelect = `
        WITH exploded AS (
          SELECT report_id, layout,
                 UNNEST(string_split(vals, '${SEPARATOR}')) AS printed,
                 UNNEST(range(len(string_split(vals, '${SEPARATOR}')))) AS pos
          FROM lines)
        SELECT e.report_id, e.pos, l."table", l."row", l.col,
               TRY_CAST(e.printed AS DOUBLE) AS value,
               CASE WHEN TRY_CAST(e.printed AS DOUBLE) IS NULL THEN e.printed END AS raw
        FROM exploded e JOIN layouts l USING (layout, pos)`;
      // Order keys are unique, so the files are byte-identical across runs of one seed.
      await this.copy(`SELECT * FROM reports ORDER BY report_id`, file('reports'));
      // Printed order inside a report, as the dataset writer keeps it.
      await this.copy(
        // No provenance columns: generated figures were printed nowhere (the contract makes them optional).
        `SELECT ${columnList(CELL_COLUMNS.filter(([c]) => !c.startsWith('src_')))} FROM (${cellSelect}) ORDER BY report_id, pos`,
        file('cells'),
      );
      await this.copy(`SELECT * FROM checks ORDER BY report_id, rule, location, message`, file('checks'));
      await this.copy(`SELECT * FROM regions ORDER BY code`, file('regions'));
      const written = async (name: keyof typeof PARQUET_FILES): Promise<WrittenFile> => ({
        file: file(name),
        rows: this.counts[name],
        bytes: (await stat(file(name))).size,
      });
      return {
        reports: await written('reports'),
        cells: await written('cells'),
        checks: await written('checks'),
        regions: await written('regions'),
      };
    } finally {
      this.connection.closeSync();
      this.instance.closeSync();
    }
  }

  private async writeLayouts(): Promise<void> {
    await this.connection.run(
      'CREATE TABLE layouts (layout INTEGER, pos BIGINT, "table" VARCHAR, "row" VARCHAR, col VARCHAR)',
    );
    const appender = await this.connection.createAppender('layouts');
    this.layoutCells.forEach((cells, layout) => {
      cells.forEach(([table, row, col], pos) => {
        appender.appendInteger(layout);
        appender.appendBigInt(BigInt(pos));
        appender.appendVarchar(table);
        appender.appendVarchar(row);
        appender.appendVarchar(col);
        appender.endRow();
      });
    });
    appender.closeSync();
  }

  private async copy(select: string, file: string): Promise<void> {
    await this.connection.run(
      `COPY (${select}) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
    );
  }
}

function appendRow(appender: DuckDBAppender, columns: Columns, row: object): void {
  const values = row as Record<string, unknown>;
  for (const [col, type] of columns) {
    const value = values[col];
    if (value === null || value === undefined) appender.appendNull();
    else if (type === 'VARCHAR') appender.appendVarchar(String(value));
    else if (typeof value !== 'number' || !Number.isFinite(value))
      throw new TypeError(`invalid ${col}: ${String(value)}`);
    else if (type === 'INTEGER') appender.appendInteger(value);
    else appender.appendDouble(value);
  }
  appender.endRow();
}

function columnList(columns: Columns): string {
  return columns.map(([c]) => quoteIdent(c)).join(', ');
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
