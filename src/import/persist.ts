/**
 * Imported files kept in this browser's IndexedDB until the user removes them: nothing is
 * uploaded, and a reload brings them back. Store `imports`, keyed by StoredImport.id; store
 * `state` (version 2), the settings that go with them (./user-state.ts), one record a key.
 */
import type { StoredImport } from './types';

const DB_NAME = 'gov-info-reports-imports';
const STORE = 'imports';
const STATE = 'state';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    // From nothing or from version 1 (imports only): create what is missing, keep what is there.
    req.onupgradeneeded = () => {
      const names = req.result.objectStoreNames;
      if (!names.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
      if (!names.contains(STATE)) req.result.createObjectStore(STATE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
  store: typeof STORE | typeof STATE = STORE,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      // Strict: `complete` only once the data is on disk, so "saved" is never said too early.
      const tx = db.transaction(store, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
      const req = run(tx.objectStore(store));
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

/** How many imports are kept (quarantined ones too). */
export async function countStoredImports(): Promise<number> {
  if (typeof indexedDB === 'undefined') return 0;
  return withStore('readonly', (s) => s.count());
}

export function saveImport(item: StoredImport): Promise<unknown> {
  return withStore('readwrite', (s) => s.put(item));
}

export function deleteImport(id: string): Promise<unknown> {
  return withStore('readwrite', (s) => s.delete(id));
}

/** One settings record (undefined when never saved, or without IndexedDB). */
export async function readState(key: 'merges' | 'roster'): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return undefined;
  return withStore('readonly', (s) => s.get(key), STATE);
}

export function writeState(key: 'merges' | 'roster', value: unknown): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return withStore('readwrite', (s) => s.put(value, key), STATE);
}
