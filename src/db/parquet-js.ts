/**
 * Parquet → Arrow IPC stream in plain JavaScript (hyparquet, apache-arrow), for small flat files.
 * parquet-wasm brings a 5 MB wasm to compile, ~0.3 s of CPU on the 2 cores that DuckDB's own start
 * needs on the way to the first chart (issue 3), while the bundled dataset's files are a few KB.
 * Only the column types the contract and derived/ files use are taken here; anything else returns
 * null and goes to parquet-wasm, as does a file hyparquet cannot read.
 */
import {
  Bool,
  type DataType,
  Float32,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
} from 'apache-arrow';
import { type ColumnData, parquetMetadata, parquetRead, type SchemaElement } from 'hyparquet';

/**
 * Above this many bytes parquet-wasm's start-up is worth paying: measured under Node, a 300 KB
 * file (the synthetic t4n, 150k rows) took 160–270 ms here and 6 ms in parquet-wasm once warm.
 */
export const JS_DECODE_MAX_BYTES = 128 * 1024;

/** The Arrow type of a flat column, or null for one left to parquet-wasm. */
function arrowType(el: SchemaElement): DataType | null {
  if (el.num_children || el.repetition_type === 'REPEATED') return null;
  const logical = el.logical_type?.type;
  switch (el.type) {
    case 'BYTE_ARRAY':
      return el.converted_type === 'UTF8' || logical === 'STRING' ? new Utf8() : null;
    case 'INT32':
      return !el.converted_type || el.converted_type === 'INT_32' ? new Int32() : null;
    case 'INT64':
      return !el.converted_type || el.converted_type === 'INT_64' ? new Int64() : null;
    case 'DOUBLE':
      return new Float64();
    case 'FLOAT':
      return new Float32();
    case 'BOOLEAN':
      return new Bool();
    default:
      return null;
  }
}

/**
 * The file as an Arrow IPC stream, or null when it is not for this decoder (too large, a type
 * or shape it does not take, or unreadable here: parquet-wasm then decides and names the problem).
 */
export async function decodeParquetJs(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (bytes.byteLength > JS_DECODE_MAX_BYTES) return null;
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const metadata = parquetMetadata(file);
    const [root, ...fields] = metadata.schema;
    if (!root || fields.length !== (root.num_children ?? -1)) return null;
    const types = fields.map(arrowType);
    if (types.some((t) => t === null)) return null;
    const rows = Number(metadata.num_rows);
    const columns = fields.map(() => new Array<unknown>(rows).fill(null));
    const index = new Map(fields.map((f, i) => [f.name, i]));
    if (index.size !== fields.length) return null; // chunks are named by column
    await parquetRead({
      file,
      metadata,
      utf8: true,
      onChunk: (chunk: ColumnData) => {
        const out = columns[index.get(chunk.columnName)!]!;
        const data = chunk.columnData;
        for (let i = 0; i < data.length; i++) out[chunk.rowStart + i] = data[i] ?? null;
      },
    });
    // Column names come from the file: a null-prototype object, so `__proto__` is just a column.
    const vectors: Record<string, Vector> = Object.create(null);
    for (const [i, f] of fields.entries()) vectors[f.name] = toVector(columns[i]!, types[i]!);
    return tableToIPC(new Table(vectors), 'stream');
  } catch {
    return null;
  }
}

/**
 * One column's values (null where absent) as an Arrow vector, its buffers written directly
 * (apache-arrow's vectorFromArray took 55 ms for regions.parquet): strings arrive as strings,
 * numbers as numbers (bigint for Int64), booleans as booleans. No code generation either:
 * the builders' `new Function` is refused by the workers' Content-Security-Policy.
 */
export function toVector(values: readonly unknown[], type: DataType): Vector {
  const length = values.length;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (values[i] === null) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  const base = { length, nullCount, nullBitmap: nullCount > 0 ? nullBitmap : undefined };
  if (type instanceof Utf8) {
    const valueOffsets = new Int32Array(length + 1);
    let capacity = 0;
    for (let i = 0; i < length; i++) capacity += utf8Capacity(values[i]);
    const data = new Uint8Array(capacity);
    let size = 0;
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (typeof v === 'string') size += UTF8.encodeInto(v, data.subarray(size)).written;
      else if (v instanceof Uint8Array) {
        data.set(v, size);
        size += v.byteLength;
      }
      valueOffsets[i + 1] = size;
    }
    return makeVector(makeData({ type, ...base, valueOffsets, data: data.subarray(0, size) }));
  }
  if (type instanceof Bool) {
    const data = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
    return makeVector(makeData({ type, ...base, data }));
  }
  if (type instanceof Int64) {
    const data = new BigInt64Array(length);
    for (let i = 0; i < length; i++) data[i] = BigInt((values[i] as bigint | null) ?? 0);
    return makeVector(makeData({ type, ...base, data }));
  }
  const numbers = <A extends Int32Array | Float32Array | Float64Array>(data: A): A => {
    for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
    return data;
  };
  if (type instanceof Int32)
    return makeVector(makeData({ type, ...base, data: numbers(new Int32Array(length)) }));
  if (type instanceof Float32)
    return makeVector(makeData({ type, ...base, data: numbers(new Float32Array(length)) }));
  return makeVector(makeData({ type: type as Float64, ...base, data: numbers(new Float64Array(length)) }));
}

const UTF8 = new TextEncoder();

/** Bytes a value may take as UTF-8: at most 3 per UTF-16 unit. */
function utf8Capacity(v: unknown): number {
  return typeof v === 'string' ? v.length * 3 : v instanceof Uint8Array ? v.byteLength : 0;
}
