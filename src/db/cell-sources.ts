/**
 * The `src_` provenance columns of one report's cells, read from a cells.parquet that is still
 * only bytes (a dataset whose helper tables came precomputed defers decoding cells, see
 * ./engine.ts): the Report view needs a few dozen rows, not millions decoded and inserted.
 * A file without the columns (generated data, older datasets) answers at once from its footer.
 */
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { CELL_SOURCE_COLUMNS } from '../domain/vocab';
import type { CellSourceRow } from '../sql/report';

export async function sourcesFromParquet(bytes: Uint8Array, reportId: string): Promise<CellSourceRow[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const names = new Set(metadata.schema.map((s) => s.name));
  const present = CELL_SOURCE_COLUMNS.filter((c) => names.has(c));
  if (present.length === 0) return [];
  // Find the report's rows on report_id alone, then read only that span of the other columns:
  // the dataset writer sorts cells by report_id, so the span is the report (in a file sorted
  // otherwise it is wider, and the filter below keeps the report's rows). 4–8× faster than a
  // filtered read of every column (bundled cells: ~50 ms against 200–440 ms under Node).
  const ids = (await parquetReadObjects({ file, metadata, columns: ['report_id'] })) as {
    report_id: string;
  }[];
  let start = -1;
  let end = -1;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]!.report_id !== reportId) continue;
    if (start < 0) start = i;
    end = i + 1;
  }
  if (start < 0) return [];
  const rows = (
    await parquetReadObjects({
      file,
      metadata,
      columns: ['report_id', 'table', 'row', 'col', ...present],
      rowStart: start,
      rowEnd: end,
    })
  ).filter((r) => r.report_id === reportId);
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
