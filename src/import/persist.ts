/**
 * Imported files kept in this browser's IndexedDB until the user removes them: nothing is
 * uploaded, and a reload brings them back. Store `imports`, keyed by StoredImport.id; store
 * `state` (version 2), the settings that go with them (./user-state.ts), one record a key.
 */
import { openIdb, transact } from '../util/idb';
import type { StoredImport } from './types';

const DB_NAME = 'gov-info-reports-imports';
const STORE = 'imports';
const STATE = 'state';

function open(): Promise<IDBDatabase> {
  // From nothing or from version 1 (imports only): create what is missing, keep what is there.
  return openIdb(DB_NAME, 2, (db) => {
    const names = db.objectStoreNames;
    if (!names.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
    if (!names.contains(STATE)) db.createObjectStore(STATE);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
  store: typeof STORE | typeof STATE = STORE,
): Promise<T> {
  const db = await open();
  try {
    return await transact(
      db,
      store,
      mode,
      (tx) => {
        const req = run(tx.objectStore(store));
        return () => req.result;
      },
      // Strict: `complete` only once the data is on disk, so "saved" is never said too early.
      mode === 'readwrite' ? 'strict' : 'default',
    );
  } finally {
    db.close();
  }
}

export async function loadStoredImports(): Promise<StoredImport[]> {
  if (typeof indexedDB === 'undefined') return [];
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<StoredImport[]>);
  return all.sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1));
}

/**
 * How many imports are kept (quarantined ones too) and the saved merges record, in one
 * transaction: read before every load (src/main.tsx), so one round trip, not two.
 */
export async function readSavedChanges(): Promise<{ imports: number; merges: unknown }> {
  if (typeof indexedDB === 'undefined') return { imports: 0, merges: undefined };
  const db = await open();
  try {
    return await transact(db, [STORE, STATE], 'readonly', (tx) => {
      const imports = tx.objectStore(STORE).count();
      const merges = tx.objectStore(STATE).get('merges');
      return () => ({ imports: imports.result, merges: merges.result as unknown });
    });
  } finally {
    db.close();
  }
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
