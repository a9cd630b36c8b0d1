/**
 * Imported files kept in this browser's IndexedDB until the user removes them: nothing is
 * uploaded, and a reload brings them back. One object store, keyed by StoredImport.id.
 */
import type { StoredImport } from './types';

const DB_NAME = 'gov-info-reports-imports';
const STORE = 'imports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      // Strict: `complete` only once the data is on disk, so "saved" is never said too early.
      const tx = db.transaction(STORE, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
    });
  } finally {
    db.close();
  }
}

export async function loadStoredImports(): Promise<StoredImport[]> {
  if (typeof indexedDB === 'undefined') return [];
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<StoredImport[]>);
  return all.sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1));
}

export function saveImport(item: StoredImport): Promise<unknown> {
  return withStore('readwrite', (s) => s.put(item));
}

export function deleteImport(id: string): Promise<unknown> {
  return withStore('readwrite', (s) => s.delete(id));
}
