/**
 * Annotations kept in this browser's IndexedDB, next to the imports (src/import/persist.ts) but in
 * a database of their own, so either can change its layout without migrating the other. The
 * whole state is one record: it is small (hand-made reviews and corrections).
 */
import type { Annotations } from '../domain/annotations';

const DB_NAME = 'gov-info-reports-annotations';
const STORE = 'annotations';
const KEY = 'state';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
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
