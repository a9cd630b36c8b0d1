/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, RFC 4180
 * quoting, and text cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed
 * with `'` (OWASP "CSV injection"). Numbers are written as numbers, so a negative count stays
 * numeric; only text is neutralised.
 */

export type CsvValue = string | number | null | undefined;

export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly CsvValue[])[];
}

/** Lines above the table (label, text): title, conditions, formula, notes, source, dataset. */
export type CsvMeta = readonly (readonly [string, string])[];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table, after the `meta` lines and a blank line when there are any. */
export function toCsv(table: CsvTable, meta: CsvMeta = []): string {
  const head = meta.length > 0 ? [...meta.map((m) => m.map(csvCell).join(',')), ''] : [];
  const lines = [...head, ...[table.header, ...table.rows].map((row) => row.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
