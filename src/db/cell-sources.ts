/**
 * The `src_` provenance columns of one report's cells, read from a cells.parquet that is still
 * only bytes (a dataset whose helper tables came precomputed defers decoding cells, see
 * ./engine.ts): the Report view needs a few dozen rows, not millions decoded and inserted.
 * A file without the columns (generated data, older datasets) answers at once from its footer.
 */
import { parquetMetadata, parquetQuery } from 'hyparquet';
import { CELL_SOURCE_COLUMNS } from '../domain/vocab';
import type { CellSourceRow } from '../sql/report';

export async function sourcesFromParquet(bytes: Uint8Array, reportId: string): Promise<CellSourceRow[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const names = new Set(metadata.schema.map((s) => s.name));
  const present = CELL_SOURCE_COLUMNS.filter((c) => names.has(c));
  if (present.length === 0) return [];
  const rows = await parquetQuery({
    file,
    metadata,
    columns: ['report_id', 'table', 'row', 'col', ...present],
    filter: { report_id: { $eq: reportId } },
  });
  const out: CellSourceRow[] = [];
  for (const r of rows) {
    const row: CellSourceRow = { table: String(r.table), row: String(r.row), col: String(r.col) };
    let placed = false;
    for (const c of present) {
      const v = r[c];
      if (v === null || v === undefined) continue;
      row[c] = Number(v);
      placed = true;
    }
    if (placed) out.push(row);
  }
  return out;
}
