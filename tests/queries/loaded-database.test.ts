/**
 * A query's fetch waits for the loaded dataset (src/queries/options.ts `loadedDatabase`): asked
 * while the dataset loads, it runs once the load is done; after a failed load it fails with the
 * loader's message instead of waiting.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setStatus } from '../../src/db/status';
import type { Queryable } from '../../src/db/types';
import { loadedDatabase } from '../../src/queries/options';
import { SUMMARY } from './summary';

const db = vi.hoisted((): Queryable => ({ query: async () => [] }));
vi.mock('../../src/db/handle', () => ({ getDatabase: () => db }));

afterEach(() => setStatus({ phase: 'idle' }));

describe(loadedDatabase, () => {
  it('waits while the dataset loads, then gives the database', async () => {
    setStatus({ phase: 'loading', progress: null });
    let got: Queryable | null = null;
    const waiting = loadedDatabase().then((d) => {
      got = d;
    });
    await new Promise((ok) => setTimeout(ok, 10));
    expect(got).toBeNull();
    setStatus({ phase: 'ready', summary: SUMMARY });
    await waiting;
    expect(got).toBe(db);
  });

  it('fails with the loader’s message when the load failed', async () => {
    setStatus({ phase: 'loading', progress: null });
    const waiting = loadedDatabase();
    setStatus({ phase: 'error', error: 'reports.parquet: HTTP 404' });
    await expect(waiting).rejects.toThrow('reports.parquet: HTTP 404');
    await expect(loadedDatabase()).rejects.toThrow('HTTP 404');
  });

  it('gives the database at once when it is loaded', async () => {
    setStatus({ phase: 'ready', summary: SUMMARY });
    await expect(loadedDatabase()).resolves.toBe(db);
  });
});
