/**
 * CSV in the contract's shape (one file per table, header row of the contract's column names,
 * UTF-8 with or without BOM) → typed rows. RFC 4180 quoting; every problem names the line.
 */
import type { ColumnType } from '../dataset/schema';
import type { DatasetTable } from '../db/types';
import { TABLE_COLUMNS, tableOfColumns } from './arrow';

export class CsvError extends Error {}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '') throw new CsvError(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) throw new CsvError(`line ${line}: a quoted field is not closed`);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

function convert(value: string, type: ColumnType, where: string): string | number | null {
  if (type === 'VARCHAR') return value === '' ? null : value;
  if (value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new CsvError(`${where}: "${value.slice(0, 40)}" is not a number`);
  if (type === 'INTEGER' && !Number.isInteger(n))
    throw new CsvError(`${where}: "${value}" is not an integer`);
  return n;
}

export interface CsvTable {
  table: DatasetTable;
  rows: Record<string, string | number | null>[];
}

/** A contract CSV → its table and typed rows; throws CsvError naming the line and column. */
export function csvToRows(text: string, fileName: string): CsvTable {
  const records = parseCsv(text);
  const header = records[0];
  if (!header || header.length === 0) throw new CsvError('no header row');
  const hint = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const table = tableOfColumns(header, hint);
  if (!table) {
    const known = Object.entries(TABLE_COLUMNS)
      .map(([t, cols]) => `${t} (${cols.map(([c]) => c).join(', ')})`)
      .join('; ');
    throw new CsvError(
      `the header matches no table of the dataset contract; expected the columns of ${known}`,
    );
  }
  const columns = TABLE_COLUMNS[table];
  const index = new Map(header.map((h, i) => [h, i]));
  const rows = records.slice(1).map((rec, r) => {
    if (rec.length !== header.length)
      throw new CsvError(`line ${r + 2}: ${rec.length} fields, the header has ${header.length}`);
    const row: Record<string, string | number | null> = {};
    for (const [col, type] of columns) {
      const at = index.get(col);
      // An optional column the file lacks (unit_id before issue 13) stays null: the loader fills it.
      row[col] = at === undefined ? null : convert(rec[at]!, type, `line ${r + 2}, ${col}`);
    }
    return row;
  });
  return { table, rows };
}
