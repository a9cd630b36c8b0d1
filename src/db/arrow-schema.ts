/**
 * The columns DuckDB will make of an Arrow IPC stream, read from the stream itself: its first
 * DESCRIBE cost 25–40 ms of the load, on the path to the first chart (issue 3). Only the types
 * whose DuckDB name is certain are mapped; for any other the answer is null and the engine asks
 * DuckDB (DESCRIBE) instead.
 */
import { type DataType, RecordBatchReader, Type } from 'apache-arrow';

/** DuckDB's name for the column an Arrow type becomes, or null when not certain. */
function duckdbType(t: DataType): string | null {
  switch (t.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'VARCHAR';
    case Type.Int: {
      const { bitWidth, isSigned } = t as DataType<Type.Int> & { bitWidth: number; isSigned: boolean };
      const name = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[bitWidth];
      return name ? `${isSigned ? '' : 'U'}${name}` : null;
    }
    case Type.Float: {
      const { precision } = t as DataType<Type.Float> & { precision: number };
      return precision === 2 ? 'DOUBLE' : precision === 1 ? 'FLOAT' : null;
    }
    case Type.Bool:
      return 'BOOLEAN';
    case Type.Dictionary:
      return duckdbType((t as DataType<Type.Dictionary> & { dictionary: DataType }).dictionary);
    default:
      return null;
  }
}

export interface StagedColumns {
  columns: { name: string; type: string }[];
  rows: number;
}

/** Column names and DuckDB types, and the row count, of an IPC stream; null to ask DuckDB. */
export function describeIpc(ipc: Uint8Array): StagedColumns | null {
  try {
    const reader = RecordBatchReader.from(ipc).open();
    // Read before the batches: the reader lets go of its schema once they are done.
    const { fields } = reader.schema;
    let rows = 0;
    for (const batch of reader) rows += batch.numRows;
    const columns: { name: string; type: string }[] = [];
    for (const f of fields) {
      const type = duckdbType(f.type);
      if (type === null) return null;
      columns.push({ name: f.name, type });
    }
    return { columns, rows };
  } catch {
    return null;
  }
}
