/**
 * The `src_` provenance columns of cells: loaded when present, absent from older files without
 * harm, and read for one report both from the table and from deferred (not yet decoded) bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellRow } from '../../src/dataset/rows';
import { CONTRACT } from '../../src/domain/vocab';
import { FIXTURE } from './fixture';
import { CELL_SPEC, fixtureFiles, openTestDb, type TestDb, toParquet } from './harness';

const rid = FIXTURE.cells[0]!.report_id;
/** The fixture with a place for the first two cells of the first report (a PDF box, a text line). */
const placed: CellRow[] = FIXTURE.cells.map((c, i) =>
  i === 0
    ? { ...c, src_page: 2, src_x0: 100.5, src_y0: 200, src_x1: 120, src_y1: 212 }
    : i === 1
      ? { ...c, src_line: 40, src_start: 3, src_end: 5 }
      : c,
);
const { report_id: _r, table: _t, row: _w, col: _c, value: _v, raw: _x, ...srcSpec } = CELL_SPEC;
const without = Object.fromEntries(Object.entries(CONTRACT.cells).filter(([k]) => !(k in srcSpec)));

async function load(cells: Uint8Array, defer: boolean): Promise<TestDb> {
  const db = await openTestDb();
  const files = fixtureFiles(FIXTURE);
  // Any later addFile inserts deferred cells (a merge rebuilds from them): cells come last.
  for (const f of files) if (f.table !== 'cells') await db.engine.addFile(f);
  const f = files.find((x) => x.table === 'cells')!;
  if (defer) db.engine.deferCells({ ...f, bytes: cells });
  else await db.engine.addFile({ ...f, bytes: cells });
  return db;
}

const expected = [
  {
    table: placed[0]!.table,
    row: placed[0]!.row,
    col: placed[0]!.col,
    src_page: 2,
    src_x0: 100.5,
    src_y0: 200,
    src_x1: 120,
    src_y1: 212,
  },
  {
    table: placed[1]!.table,
    row: placed[1]!.row,
    col: placed[1]!.col,
    src_line: 40,
    src_start: 3,
    src_end: 5,
  },
];

describe('cell provenance (src_ columns)', () => {
  let bytes: Uint8Array;
  let old: Uint8Array;
  beforeAll(() => {
    bytes = toParquet(placed, CELL_SPEC);
    old = toParquet(FIXTURE.cells, without as typeof CELL_SPEC);
  });

  it('reads one report’s places from the cells table', async () => {
    const db = await load(bytes, false);
    const got = await db.engine.cellSources(rid);
    expect(got.map((r) => ({ ...r }))).toEqual(expected);
    expect(await db.engine.cellSources('nope')).toEqual([]);
  }, 60_000);

  it('reads the same places from deferred cells without inserting them', async () => {
    const db = await load(bytes, true);
    expect((await db.engine.cellSources(rid)).map((r) => ({ ...r }))).toEqual(expected);
    const [n] = await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM cells', params: [] });
    expect(n?.n).toBe(0);
  }, 60_000);

  it('loads a cells file without the columns (older datasets): every place is null', async () => {
    for (const defer of [false, true]) {
      const db = await load(old, defer);
      expect(await db.engine.cellSources(rid)).toEqual([]);
      await db.engine.ensureDeferred();
      const [n] = await db.query<{ n: number; placed: number }>({
        sql: 'SELECT count(*) AS n, count(src_page) AS placed FROM cells',
        params: [],
      });
      expect(n).toEqual({ n: FIXTURE.cells.length, placed: 0 });
    }
  }, 60_000);

  it('exports the places it loaded', async () => {
    const db = await load(bytes, false);
    await db.engine.buildDerived();
    const out = await db.engine.exportParquet();
    const back = await openTestDb();
    await back.engine.addFile({ table: 'cells', name: 'cells.parquet', bytes: out.cells });
    expect((await back.engine.cellSources(rid)).map((r) => ({ ...r }))).toEqual(expected);
  }, 60_000);
});
