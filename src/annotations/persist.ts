/**
 * Annotations kept in this browser's IndexedDB, next to the imports (src/import/persist.ts) but in
 * a database of their own, so either can change its layout without migrating the other. The
 * whole state is one record: it is small (hand-made reviews and corrections).
 */
import type { Annotations } from '../domain/annotations';
import { openIdb, transact } from '../util/idb';

const DB_NAME = 'gov-info-reports-annotations';
const STORE = 'annotations';
const KEY = 'state';

function open(): Promise<IDBDatabase> {
  return openIdb(DB_NAME, 1, (db) => db.createObjectStore(STORE));
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await transact(db, STORE, mode, (tx) => {
      const req = op(tx.objectStore(STORE));
      return () => req.result;
    });
  } finally {
    db.close();
  }
}

/** The saved state, or null when there is none (or no IndexedDB). */
export async function loadAnnotations(): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return null;
  return (await run('readonly', (s) => s.get(KEY))) ?? null;
}

export function saveAnnotations(a: Annotations): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return run('readwrite', (s) => s.put(a, KEY));
}
