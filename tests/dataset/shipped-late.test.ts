import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PARQUET_FILES } from '../../src/dataset/rows';
import {
  LATE_META,
  LATE_META_VERSION,
  lateBuildId,
  lateFile,
  readLateMeta,
} from '../../src/dataset/shipped-late';
import { declareSavedChanges, markDataChanged, resetFingerprint } from '../../src/db/fingerprint';
import { fetchShippedLate, type ShippedLate } from '../../src/db/shipped-late';
import { DATASET_TABLES } from '../../src/db/types';
import type { BoundQuery } from '../../src/sql/bound';
import { SHIPPED_LATE, type ShippedLateTable, shippedLateSelect } from '../../src/sql/shipped-late';
import { BUNDLED_DIR, nodeCodec, openBundledDb, openTestDb, readBundled, type TestDb } from '../db/harness';

const SHA = (c: string) => c.repeat(64);
const SOURCES = {
  'reports.parquet': SHA('a'),
  'cells.parquet': SHA('b'),
  'checks.parquet': SHA('c'),
  'regions.parquet': SHA('d'),
};
const tables = () =>
  Object.fromEntries(SHIPPED_LATE.map((t) => [t, { file: lateFile(t), rows: 1, sha256: SHA('e') }]));

describe('derived/late.json', () => {
  let build: string;
  beforeAll(async () => {
    build = await lateBuildId();
  });
  const meta = (patch: Record<string, unknown> = {}) => ({
    version: LATE_META_VERSION,
    build,
    sources: SOURCES,
    tables: tables(),
    ...patch,
  });

  it('is read for the files it names and the build that wrote it', () => {
    expect(readLateMeta(meta(), SOURCES, build)?.tables.units).toEqual({
      file: 'derived/units.parquet',
      rows: 1,
      sha256: SHA('e'),
    });
  });

  it('is no meta for other files, another build or version, or anything malformed', () => {
    expect(readLateMeta(meta(), { ...SOURCES, 'checks.parquet': SHA('f') }, build)).toBeNull();
    expect(readLateMeta(meta(), SOURCES, SHA('0'))).toBeNull();
    expect(readLateMeta(meta({ version: LATE_META_VERSION + 1 }), SOURCES, build)).toBeNull();
    const bad = (t: ShippedLateTable, entry: unknown) => meta({ tables: { ...tables(), [t]: entry } });
    for (const entry of [
      { file: '../reports.parquet', rows: 1, sha256: SHA('e') },
      { file: lateFile('units'), rows: -1, sha256: SHA('e') },
      { file: lateFile('units'), rows: 1, sha256: 'E'.repeat(64) },
      null,
    ])
      expect(readLateMeta(bad('units', entry), SOURCES, build)).toBeNull();
    const { coverage: _, ...twoTables } = tables();
    expect(readLateMeta(meta({ tables: twoTables }), SOURCES, build)).toBeNull();
    const proto = JSON.parse(
      JSON.stringify(meta()).replace('"tables":{', '"tables":{"__proto__":{"units":1},'),
    );
    expect(readLateMeta(proto, SOURCES, build)).not.toBeNull();
    for (const v of [null, [], 'x', 3]) expect(readLateMeta(v, SOURCES, build)).toBeNull();
  });
});

/** Every row of `table`, in its file's order, as the shipped file holds them. */
const rowsOf = (db: TestDb, table: ShippedLateTable) =>
  db.query<Record<string, unknown>>({ sql: shippedLateSelect(table), params: [] } satisfies BoundQuery);

/** The bundled files, served as the page fetches them. */
function serveBundled(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    asked.push(url.pathname);
    try {
      return new Response(readFileSync(join(BUNDLED_DIR, url.pathname.replace(/^\/data\//, ''))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  return asked;
}

const BASE = new URL('http://app.test/data/');
const bundledHashes = () =>
  Object.fromEntries(
    DATASET_TABLES.map((t) => [
      t,
      Promise.resolve(createHash('sha256').update(readBundled(PARQUET_FILES[t])).digest('hex')),
    ]),
  ) as Parameters<typeof fetchShippedLate>[1];

/** The engine over the bundled files with what the first view reads built, the late tables not yet. */
async function withoutLateTables(): Promise<TestDb> {
  const db = await openTestDb();
  for (const table of DATASET_TABLES)
    await db.engine.addFile({ table, name: PARQUET_FILES[table], bytes: readBundled(PARQUET_FILES[table]) });
  await db.engine.buildCore();
  return db;
}

describe('the bundled dataset ships its late tables (`npm run data:bundle` writes them anew)', () => {
  let built: TestDb;
  let shipped: ShippedLate | null;
  beforeAll(async () => {
    built = await openBundledDb();
    declareSavedChanges(Promise.resolve(false));
    serveBundled();
    shipped = await fetchShippedLate(BASE, bundledHashes(), nodeCodec);
  }, 120_000);
  afterAll(() => {
    resetFingerprint();
    vi.unstubAllGlobals();
  });

  it('for its very files and this build, and as the engine builds them', async () => {
    expect(shipped).not.toBeNull();
    const db = await withoutLateTables();
    await db.engine.buildLate({}, shipped);
    // Adopted, not built: the build's first table is not there.
    const facts = await db.query<{ n: number }>({
      sql: `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'unit_facts'`,
      params: [],
    });
    expect(facts[0]?.n).toBe(0);
    for (const t of SHIPPED_LATE) {
      const rows = await rowsOf(db, t);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows, t).toEqual(await rowsOf(built, t));
    }
    // The unit index keeps its column types: years is a list again.
    const [hit] = await db.query<{ years: number[] }>({ sql: 'SELECT years FROM units LIMIT 1', params: [] });
    expect(Array.isArray(hit?.years)).toBe(true);
  }, 120_000);

  it('are built instead when a file is not its table', async () => {
    const db = await withoutLateTables();
    const swapped = new Map(shipped!);
    swapped.set('coverage', shipped!.get('units')!);
    await db.engine.buildLate({}, swapped);
    for (const t of SHIPPED_LATE) expect(await rowsOf(db, t), t).toEqual(await rowsOf(built, t));
  }, 120_000);
});

describe('fetching the shipped late tables (src/db/shipped-late.ts)', () => {
  afterEach(() => {
    resetFingerprint();
    vi.unstubAllGlobals();
  });

  it('none for other files, with saved changes, once the data changed, or a file not the one listed', async () => {
    declareSavedChanges(Promise.resolve(false));
    const asked = serveBundled();
    expect(
      await fetchShippedLate(BASE, { ...bundledHashes(), checks: Promise.resolve(SHA('c')) }, nodeCodec),
    ).toBeNull();
    expect(asked).toEqual(['/data/derived/late.json']);

    resetFingerprint();
    declareSavedChanges(Promise.resolve(true));
    expect(await fetchShippedLate(BASE, bundledHashes(), nodeCodec)).toBeNull();

    resetFingerprint();
    declareSavedChanges(Promise.resolve(false));
    markDataChanged();
    expect(await fetchShippedLate(BASE, bundledHashes(), nodeCodec)).toBeNull();

    resetFingerprint();
    declareSavedChanges(Promise.resolve(false));
    const meta = JSON.parse(new TextDecoder().decode(readBundled(LATE_META)));
    meta.tables.coverage.sha256 = SHA('0');
    vi.stubGlobal('fetch', async (url: URL) =>
      url.pathname.endsWith('late.json')
        ? new Response(JSON.stringify(meta))
        : new Response(readFileSync(join(BUNDLED_DIR, url.pathname.replace(/^\/data\//, '')))),
    );
    expect(await fetchShippedLate(BASE, bundledHashes(), nodeCodec)).toBeNull();
  });
});
