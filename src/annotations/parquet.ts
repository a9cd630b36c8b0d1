/**
 * corrections.parquet: the analyst's corrections as a file next to the dataset's four, for any
 * DuckDB, pandas or polars user. Columns: report_id, table, row, col, printed (DOUBLE, null when
 * the printed cell was not a number), corrected (DOUBLE), reason, date (ISO 8601 text).
 *
 * Columns are assembled from typed arrays (makeData): apache-arrow's builders (vectorFromArray)
 * compile code with `new Function`, which the page's Content-Security-Policy forbids.
 */
import { Float64, makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import type { Correction } from '../domain/annotations';

export const CORRECTIONS_FILE = 'corrections.parquet';

function utf8(values: readonly string[]): Vector {
  const bytes = values.map((v) => new TextEncoder().encode(v));
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < bytes.length; i++) valueOffsets[i + 1] = valueOffsets[i]! + bytes[i]!.length;
  const data = new Uint8Array(valueOffsets[values.length]!);
  for (const [i, b] of bytes.entries()) data.set(b, valueOffsets[i]!);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets, data }));
}

function float64(values: readonly (number | null)[]): Vector {
  const data = new Float64Array(values.length);
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else {
      data[i] = v;
      nullBitmap[i >> 3]! |= 1 << (i & 7);
    }
  });
  return makeVector(
    makeData({
      type: new Float64(),
      length: values.length,
      nullCount,
      nullBitmap: nullCount > 0 ? nullBitmap : undefined,
      data,
    }),
  );
}

export function correctionsIpc(corrections: readonly Correction[]): Uint8Array {
  const text = (f: (c: Correction) => string) => utf8(corrections.map(f));
  const table = new Table({
    report_id: text((c) => c.reportId),
    table: text((c) => c.table),
    row: text((c) => c.row),
    col: text((c) => c.col),
    printed: float64(corrections.map((c) => c.printed)),
    corrected: float64(corrections.map((c) => c.corrected)),
    reason: text((c) => c.reason),
    date: text((c) => c.date),
  });
  return tableToIPC(table, 'stream');
}
