/** Arrow rows → plain JS objects: BigInt → number, lists → arrays, so React and JSON see plain data. */
import type { ArrowResult, Row } from './types';

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number | bigint>, plainValue);
  if (v instanceof Date) return v;
  // A struct (Arrow StructRow) also has toArray (its values without their names): read it as an
  // object first; a vector's toJSON is an array and falls through to toArray.
  const maybeRow = v as { toJSON?: () => unknown };
  if (typeof maybeRow.toJSON === 'function') {
    const json = maybeRow.toJSON();
    if (json !== null && typeof json === 'object' && !Array.isArray(json))
      return plainRow(json as Record<string, unknown>);
  }
  const maybeVector = v as { toArray?: () => unknown };
  if (typeof maybeVector.toArray === 'function') {
    const arr = maybeVector.toArray();
    return Array.from(arr as ArrayLike<unknown>, plainValue);
  }
  return v;
}

function plainRow(r: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) out[k] = plainValue(v);
  return out;
}

/** The columnar side of an Arrow table, present on duckdb-wasm's results (apache-arrow `Table`). */
interface Columnar {
  getChildAt(i: number): { get(i: number): unknown } | null;
}

/**
 * Read column by column: an Arrow row proxy per row (`toArray().map(toJSON)`) costs several
 * times more, which showed at nationwide scale (the 23k-cell coverage grid).
 */
function columnarRows(table: ArrowResult & Columnar): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
  names.forEach((name, c) => {
    const col = table.getChildAt(c);
    if (!col) return;
    for (let i = 0; i < rows.length; i++) rows[i]![name] = plainValue(col.get(i));
  });
  return rows;
}

/** Decimal columns would arrive as raw 128-bit words; builders cast numbers to DOUBLE, and this guards it. */
export function toPlainRows(table: ArrowResult): Row[] {
  for (const f of table.schema.fields) {
    if (String(f.type).startsWith('Decimal')) {
      throw new Error(`column ${f.name} is DECIMAL: cast it to DOUBLE in the SQL`);
    }
  }
  const columnar = table as ArrowResult & Partial<Columnar>;
  const unique = new Set(table.schema.fields.map((f) => f.name)).size === table.schema.fields.length;
  if (typeof columnar.getChildAt === 'function' && unique)
    return columnarRows(columnar as ArrowResult & Columnar);
  return table.toArray().map((r) => plainRow(r.toJSON()));
}
