/**
 * The bundled dataset's `derived/first-view.json` (src/dataset/first-view.ts) is what the code
 * computes now: the first view (对比 on the default address, `?v=1`) is rendered with data on the
 * browser's engine (duckdb-wasm under Node) over public/data's four files, each statement it runs
 * is recorded with its rows, and the result must equal the file. When the SQL, the view's
 * questions or the data change, this fails; `UPDATE_FIRST_VIEW=1 npx vitest run
 * tests/ui/first-view-answers.test.tsx` (part of `npm run data:bundle`) writes the file anew.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DERIVED_VERSION } from '../../src/dataset/derived';
import {
  encodeFirstView,
  FIRST_VIEW_FILE,
  FIRST_VIEW_LIMITS,
  FIRST_VIEW_VERSION,
  type FirstView,
  type FirstViewStatement,
  readFirstView,
  statementKey,
} from '../../src/dataset/first-view';
import { PARQUET_FILES } from '../../src/dataset/rows';
import { setStatus } from '../../src/db/status';
import { DATASET_TABLES } from '../../src/db/types';
import { decodeUrl } from '../../src/state/url/codec';
import CompareView from '../../src/ui/views/compare/CompareView';
import { sha256Hex } from '../../src/util/sha256';
import { openTestDb, type TestDb } from '../db/harness';
import { renderWithData, useDatasetReady, withUiState } from './render-with-data';

const DIR = 'public/data/';
const engine = vi.hoisted(() => ({ db: null as TestDb | null }));
vi.mock('../../src/db/handle', () => ({ getDatabase: () => engine.db }));

let computed: FirstView;

beforeAll(async () => {
  const db = await openTestDb();
  const sources: Record<string, string> = {};
  for (const table of DATASET_TABLES) {
    const name = PARQUET_FILES[table];
    const bytes = new Uint8Array(readFileSync(`${DIR}${name}`));
    sources[name] = await sha256Hex(bytes);
    await db.engine.addFile({ table, name, bytes });
  }
  await db.engine.buildDerived();
  const statements = new Map<string, FirstViewStatement>();
  engine.db = {
    ...db,
    query: async <T,>(q: { sql: string; params: FirstViewStatement['params'] }) => {
      const rows = await db.query<T>(q);
      statements.set(statementKey(q.sql, q.params), {
        sql: q.sql,
        params: q.params,
        rows: rows as Record<string, unknown>[],
      });
      return rows;
    },
  };
  await useDatasetReady(db);
  withUiState(decodeUrl('?v=1').state);
  await renderWithData(<CompareView />);
  const { loadMs: _, ...summary } = { ...(await db.engine.summary()), loadMs: 0 };
  computed = {
    version: FIRST_VIEW_VERSION,
    derivedVersion: DERIVED_VERSION,
    sources,
    summary,
    statements: [...statements.values()].sort((a, b) =>
      statementKey(a.sql, a.params) < statementKey(b.sql, b.params) ? -1 : 1,
    ),
  };
  if (process.env.UPDATE_FIRST_VIEW === '1')
    writeFileSync(`${DIR}${FIRST_VIEW_FILE}`, encodeFirstView(computed));
}, 120_000);

afterAll(() => {
  setStatus({ phase: 'idle' });
  vi.restoreAllMocks();
});

describe('the bundled dataset’s first-view answers', () => {
  it('the first view asks something, and within the file’s bounds', () => {
    expect(computed.statements.length).toBeGreaterThan(0);
    expect(computed.statements.length).toBeLessThanOrEqual(FIRST_VIEW_LIMITS.statements);
    expect(encodeFirstView(computed).length).toBeLessThanOrEqual(FIRST_VIEW_LIMITS.bytes);
  });

  it('the file is what the code computes now (else: UPDATE_FIRST_VIEW=1, see above)', () => {
    const stale = `${DIR}${FIRST_VIEW_FILE} is not what the code computes now: write it anew with UPDATE_FIRST_VIEW=1 npx vitest run tests/ui/first-view-answers.test.tsx`;
    expect(existsSync(`${DIR}${FIRST_VIEW_FILE}`), stale).toBe(true);
    const file = JSON.parse(readFileSync(`${DIR}${FIRST_VIEW_FILE}`, 'utf8')) as FirstView;
    const now = JSON.parse(encodeFirstView(computed)) as FirstView;
    // The statements first (a changed builder or view shows as its SQL), then everything.
    expect(
      file.statements.map((q) => statementKey(q.sql, q.params)),
      stale,
    ).toEqual(now.statements.map((q) => statementKey(q.sql, q.params)));
    expect(file, stale).toEqual(now);
  });

  it('reads back for these files only, with every statement', () => {
    const text = encodeFirstView(computed);
    const read = readFirstView(text, computed.sources);
    expect(read?.statements.size).toBe(computed.statements.length);
    expect(read?.summary).toEqual(computed.summary);
    const other = { ...computed.sources, [PARQUET_FILES.checks]: '0'.repeat(64) };
    expect(readFirstView(text, other)).toBeNull();
  });
});
