/**
 * IndexedDB in promises, as the app's stores use it (imports, annotations, stored answers): open
 * a database (creating its stores in `upgrade`), run one transaction to its end. Everything that
 * can go wrong (no IndexedDB, private mode, a blocked upgrade, a full disk) rejects; callers
 * decide what that means for them.
 */

/** Open `name` at `version`; `upgrade` creates what is missing. Rejects after `timeoutMs` when blocked. */
export function openIdb(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
  opts: { factory?: IDBFactory; timeoutMs?: number } = {},
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const factory = opts.factory ?? globalThis.indexedDB;
    if (!factory) return reject(new Error('IndexedDB unavailable'));
    let settled = false;
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            settled = true;
            reject(new Error(`IndexedDB ${name}: no answer in ${opts.timeoutMs} ms`));
          }, opts.timeoutMs);
    const done = (fn: () => void) => {
      clearTimeout(timer);
      if (!settled) fn();
      settled = true;
    };
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, version);
    } catch (e) {
      return done(() => reject(e));
    }
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading later must not wait for this one.
      db.onversionchange = () => db.close();
      if (settled) db.close();
      else done(() => resolve(db));
    };
    req.onerror = () => done(() => reject(req.error ?? new Error('IndexedDB unavailable')));
  });
}

/**
 * Run `run` in one transaction over `stores`; once the transaction has completed, resolve with
 * what the function `run` returned gives (e.g. `() => request.result`). `strict` durability: a
 * write is on disk before "saved" is said.
 */
export function transact<T>(
  db: IDBDatabase,
  stores: string | string[],
  mode: IDBTransactionMode,
  run: (tx: IDBTransaction) => () => T,
  durability: IDBTransactionDurability = 'default',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode, { durability });
    } catch (e) {
      reject(e);
      return;
    }
    let out: () => T;
    try {
      out = run(tx);
    } catch (e) {
      tx.abort();
      reject(e);
      return;
    }
    tx.oncomplete = () => {
      try {
        resolve(out());
      } catch (e) {
        reject(e);
      }
    };
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'));
  });
}
