/**
 * A dataset's precomputed helper tables (derived/, written by the CLI) against the same tables
 * built from cells in the browser's engine: same rows, same report cells, and refused whenever
 * they do not belong to the files loaded.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DERIVED_META, derivedFile } from '../../src/dataset/derived';
import { PARQUET_FILES } from '../../src/dataset/rows';
import { fetchPrecomputed } from '../../src/db/precomputed';
import { DATASET_TABLES } from '../../src/db/types';
import { PRECOMPUTED } from '../../src/sql/derived';
import { reportCellsSql } from '../../src/sql/report';
import { sha256Hex } from '../../src/util/sha256';
import { nodeCodec, openBundledDb, openTestDb, readBundled, type TestDb } from './harness';

const read = readBundled;
const all = (db: TestDb, sql: string) => db.query({ sql, params: [] });

describe('precomputed helper tables of public/data', () => {
  let built: TestDb;
  let adopted: TestDb;
  beforeAll(async () => {
    built = await openBundledDb();

    adopted = await openTestDb();
    for (const table of DATASET_TABLES) {
      const file = { table, name: PARQUET_FILES[table], bytes: read(PARQUET_FILES[table]) };
      if (table === 'cells') adopted.engine.deferCells(file);
      else await adopted.engine.addFile(file);
    }
    for (const t of PRECOMPUTED)
      await adopted.engine.addPrecomputed(t, derivedFile(t), await nodeCodec.decode(read(derivedFile(t))));
    await adopted.engine.buildDerived();
  }, 120_000);

  it('give the same wide tables as building them from cells', async () => {
    for (const view of ['t3x', 't4x', 't2x']) {
      const sql = `SELECT * FROM ${view} ORDER BY ALL`;
      const rows = await all(built, sql);
      expect(rows.length).toBeGreaterThan(0);
      expect(await all(adopted, sql)).toEqual(rows);
    }
    expect(await adopted.engine.summary()).toEqual(await built.engine.summary());
  });

  it('rebuild every printed cell of every report, blanks and "/" included, without cells', async () => {
    const ids = (await all(built, 'SELECT report_id FROM reports ORDER BY 1')).map((r) =>
      String(r.report_id),
    );
    let raws = 0;
    for (const id of ids) {
      const printed = await built.query({
        sql: 'SELECT "table", "row", col, value, raw FROM cells WHERE report_id = $1 ORDER BY ALL',
        params: [id],
      });
      raws += printed.filter((c) => c.raw !== null).length;
      const q = reportCellsSql(id);
      const rebuilt = await adopted.query({ sql: `SELECT * FROM (${q.sql}) ORDER BY ALL`, params: q.params });
      expect(rebuilt, id).toEqual(printed);
    }
    expect(raws).toBeGreaterThan(0);
  });

  it('load the deferred cells when the dataset is exported', async () => {
    const out = await adopted.engine.exportParquet();
    const back = await openTestDb();
    await back.engine.addFile({ table: 'cells', name: 'cells.parquet', bytes: out.cells });
    const [n] = await all(back, 'SELECT count(*)::INTEGER AS n FROM cells');
    const [m] = await all(built, 'SELECT count(*)::INTEGER AS n FROM cells');
    expect(n).toEqual(m);
  });

  it('are offered only to an engine with no data yet', async () => {
    expect(adopted.engine.isEmptyDataset()).toBe(false);
    expect(built.engine.isEmptyDataset()).toBe(false);
    expect((await openTestDb()).engine.isEmptyDataset()).toBe(true);
  });

  it('refuse a table whose columns are not the builder’s', async () => {
    const db = await openTestDb();
    const wrong = await nodeCodec.decode(read(derivedFile('t4n')));
    await expect(db.engine.addPrecomputed('t3n', 'derived/t3n.parquet', wrong)).rejects.toThrow(
      /derived\/t3n\.parquet: columns .* expected/,
    );
  });
});

describe(fetchPrecomputed, () => {
  afterEach(() => vi.unstubAllGlobals());
  const base = new URL('http://127.0.0.1/data/');
  const serve = (override: Record<string, Uint8Array | null> = {}) =>
    vi.stubGlobal('fetch', async (url: URL) => {
      const name = url.href.slice(base.href.length);
      const body =
        name in override
          ? override[name]
          : (() => {
              try {
                return read(name);
              } catch {
                return null;
              }
            })();
      return body ? new Response(body as BodyInit) : new Response('not found', { status: 404 });
    });
  const hash = (file: string) => sha256Hex(read(file));
  const contract = () => ({ reports: hash(PARQUET_FILES.reports), cells: hash(PARQUET_FILES.cells) });

  it('decodes every table when the meta matches the files', async () => {
    serve();
    const got = await fetchPrecomputed(base, contract(), nodeCodec);
    expect(Object.keys(got ?? {})).toEqual([...PRECOMPUTED]);
  });

  it('is null when derived/ is absent, foreign, or built from other cells', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    serve({ [DERIVED_META]: null });
    expect(await fetchPrecomputed(base, contract(), nodeCodec)).toBeNull();
    serve({ [DERIVED_META]: new TextEncoder().encode('<!doctype html><p>spa fallback') });
    expect(await fetchPrecomputed(base, contract(), nodeCodec)).toBeNull();
    serve();
    const other = { ...contract(), cells: hash(PARQUET_FILES.checks) };
    expect(await fetchPrecomputed(base, other, nodeCodec)).toBeNull();
    serve({ [derivedFile('t2n')]: new Uint8Array([1, 2, 3]) });
    expect(await fetchPrecomputed(base, contract(), nodeCodec)).toBeNull();
    // A readable table, but not the one the meta lists.
    serve({ [derivedFile('t2n')]: read(derivedFile('t4n')) });
    expect(await fetchPrecomputed(base, contract(), nodeCodec)).toBeNull();
  });
});
