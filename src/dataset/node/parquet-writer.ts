import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type CellRow, type CheckRow, PARQUET_FILES, type RegionRow, type ReportRow } from '../rows';
import { CELL_COLUMNS, CHECK_COLUMNS, type ColumnType, REGION_COLUMNS, REPORT_COLUMNS } from '../schema';
import { writeDerived } from './derived-writer';

/** Node only (native DuckDB): never import this from browser code. */
export interface DatasetTables {
  reports: readonly ReportRow[];
  cells: readonly CellRow[];
  checks: readonly CheckRow[];
  regions: readonly RegionRow[];
}

export interface WrittenFile {
  file: string;
  rows: number;
}

/**
 * Row-group size: the corpus-scale files fit in one group; a national dataset (~3k units × 8 years
 * × ~250 cells ≈ 6M cells) gets ~50 groups that DuckDB-WASM can skip by report_id statistics.
 */
const ROW_GROUP_SIZE = 122_880;

/**
 * Writes reports/cells/checks/regions.parquet into `dir` (and their derived/ tables, see
 * ../derived.ts) with the explicit column types of
 * src/dataset/schema.ts. Rows are sorted by report_id (cells keep their printed order inside a
 * report), regions by code. Snappy compression: readable by DuckDB, pandas, polars and hyparquet
 * without extra codecs.
 */
export async function writeDataset(
  dir: string,
  tables: DatasetTables,
): Promise<Record<keyof DatasetTables, WrittenFile>> {
  await mkdir(dir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const byReport = <T extends { report_id: string }>(rows: readonly T[]) =>
      [...rows].sort((a, b) => (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0));
    const byCode = [...tables.regions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const written = {
      reports: await writeTable(connection, dir, 'reports', REPORT_COLUMNS, byReport(tables.reports)),
      cells: await writeTable(connection, dir, 'cells', CELL_COLUMNS, byReport(tables.cells)),
      checks: await writeTable(connection, dir, 'checks', CHECK_COLUMNS, byReport(tables.checks)),
      regions: await writeTable(connection, dir, 'regions', REGION_COLUMNS, byCode),
    };
    await writeDerived(dir);
    return written;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function writeTable<Row extends object>(
  connection: DuckDBConnection,
  dir: string,
  name: keyof typeof PARQUET_FILES,
  columns: readonly (readonly [keyof Row & string, ColumnType])[],
  rows: readonly Row[],
): Promise<WrittenFile> {
  const table = `t_${name}`;
  const ddl = columns.map(([col, type]) => `${quoteIdent(col)} ${type}`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE ${table} (${ddl})`);
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      for (const [col, type] of columns) append(appender, type, row[col] as unknown, col);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const file = path.join(dir, PARQUET_FILES[name]);
  // Plain scan keeps insertion order (preserve_insertion_order is on by default), i.e. our sort.
  await connection.run(
    `COPY ${table} TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
  );
  await connection.run(`DROP TABLE ${table}`);
  return { file, rows: rows.length };
}

function append(appender: DuckDBAppender, type: ColumnType, value: unknown, col: string): void {
  if (value === null || value === undefined) {
    appender.appendNull();
    return;
  }
  if (type === 'VARCHAR') {
    appender.appendVarchar(String(value));
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new TypeError(`invalid ${col}: ${String(value)}`);
  if (type === 'INTEGER') appender.appendInteger(value);
  else appender.appendDouble(value);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
