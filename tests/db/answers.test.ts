/**
 * The answer store kept across visits (src/db/answers.ts) on an in-memory IndexedDB: answers are
 * found only under the fingerprint they were kept for, the store stays within its bounds (least
 * recently used out first), and anything unreadable or unavailable is a miss, never an error.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnswerStore, approxBytes, MAX_ANSWER_BYTES } from '../../src/db/answers';
import { openIdb, transact } from '../../src/util/idb';

/** A store over `factory` whose writes happen on `flush()` only, with a clock the test moves. */
function storeOn(factory: IDBFactory, opts: { maxEntries?: number; maxBytes?: number } = {}) {
  let t = 1000;
  const store = new AnswerStore({ factory, schedule: () => undefined, now: () => t, ...opts });
  return { store, tick: () => (t += 1000) };
}

const ROWS = [{ unitId: 'u1', value: 12, label: '南京市', when: new Date(0), ratio: Number.NaN }];

describe('AnswerStore', () => {
  it('finds an answer, as written, only under the fingerprint it was kept for (a later visit)', async () => {
    const factory = new IDBFactory();
    const first = storeOn(factory).store;
    first.put('fpA', '["db","compare",{}]', ROWS);
    await first.flush();
    // A new page: nothing in memory, the same IndexedDB.
    const next = storeOn(factory).store;
    expect(await next.get('fpA', '["db","compare",{}]')).toEqual({ value: ROWS });
    expect(await next.get('fpB', '["db","compare",{}]')).toBeUndefined();
    expect(await next.get('fpA', '["db","trends",{}]')).toBeUndefined();
  });

  it('reads ahead the most recent answers with the list, and older ones on demand', async () => {
    const factory = new IDBFactory();
    const { store, tick } = storeOn(factory);
    const big = (k: number) => `${k}`.padEnd(200_000, 'x'); // ~400 KB counted each
    for (let k = 0; k < 4; k++) {
      store.put('fp', `k${k}`, big(k));
      await store.flush();
      tick();
    }
    const next = storeOn(factory).store;
    for (let k = 3; k >= 0; k--) expect(await next.get('fp', `k${k}`)).toEqual({ value: big(k) });
  });

  it('read ahead before the fingerprint is known (preload), answers only under their own fingerprint', async () => {
    const factory = new IDBFactory();
    const { store, tick } = storeOn(factory);
    store.put('fpA', 'k', ROWS);
    await store.flush();
    tick();
    store.put('fpB', 'k', ['other data']);
    store.put('fpB', 'only-b', ['b']);
    await store.flush();
    const next = storeOn(factory).store;
    next.preload(Promise.resolve());
    expect(await next.get('fpA', 'k')).toEqual({ value: ROWS });
    expect(await next.get('fpB', 'k')).toEqual({ value: ['other data'] });
    expect(await next.get('fpA', 'only-b')).toBeUndefined();
    expect(await next.get('fpC', 'k')).toBeUndefined();
  });

  it('read ahead, an entry that does not read back as written is still a miss', async () => {
    const factory = new IDBFactory();
    const { store } = storeOn(factory);
    store.put('fp', 'k', ROWS);
    await store.flush();
    const db = await openIdb('gov-info-reports-answers', 1, () => undefined, { factory });
    await transact(db, 'values', 'readwrite', (tx) => {
      // Another entry's answer under this id: it does not name the id it is stored under.
      tx.objectStore('values').put({ id: 'fp\u001fother', v: ['wrong'] }, 'fp\u001fk');
      return () => undefined;
    });
    db.close();
    const next = storeOn(factory).store;
    next.preload(Promise.resolve());
    expect(await next.get('fp', 'k')).toBeUndefined();
  });

  it('a preload that cannot open the store leaves every read a miss', async () => {
    const broken = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { store } = storeOn(broken);
    store.preload(Promise.resolve());
    expect(await store.get('fp', 'k')).toBeUndefined();
  });

  it('peek gives, without waiting, only an answer read ahead for a listed fingerprint', async () => {
    const factory = new IDBFactory();
    const { store } = storeOn(factory);
    store.put('fpA', 'k', ROWS);
    store.put('fpA', 'k2', ['two']);
    await store.flush();
    const next = storeOn(factory).store;
    next.preload(Promise.resolve());
    // Nothing listed yet for fpA: nothing at hand (get would wait for the list).
    expect(next.peek('fpA', 'k')).toBeUndefined();
    expect(await next.get('fpA', 'k2')).toEqual({ value: ['two'] });
    expect(next.peek('fpA', 'k')).toEqual({ value: ROWS });
    // Taken once; under another fingerprint, never.
    expect(next.peek('fpB', 'k')).toBeUndefined();
  });

  it('does not keep an answer over MAX_ANSWER_BYTES', async () => {
    const factory = new IDBFactory();
    const { store } = storeOn(factory);
    store.put('fp', 'huge', 'x'.repeat(MAX_ANSWER_BYTES));
    await store.flush();
    expect(await storeOn(factory).store.get('fp', 'huge')).toBeUndefined();
  });

  it('answers a question kept in this page before it is written', async () => {
    const { store } = storeOn(new IDBFactory());
    store.put('fp', 'k', ROWS);
    await new Promise((ok) => setTimeout(ok, 10));
    expect(await store.get('fp', 'k')).toEqual({ value: ROWS });
  });

  it('keeps at most maxEntries, dropping the least recently used (a read counts as use)', async () => {
    const factory = new IDBFactory();
    const { store, tick } = storeOn(factory, { maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) {
      store.put('fp', k, [k]);
      await store.flush();
      tick();
    }
    // `a` is read (used) again, so `b` is now the least recently used.
    expect(await store.get('fp', 'a')).toEqual({ value: ['a'] });
    await store.flush();
    tick();
    store.put('fp', 'd', ['d']);
    await store.flush();
    const next = storeOn(factory).store;
    expect(await next.get('fp', 'b')).toBeUndefined();
    for (const k of ['a', 'c', 'd']) expect(await next.get('fp', k)).toEqual({ value: [k] });
  });

  it('keeps at most maxBytes, and never an answer bigger than a quarter of it', async () => {
    const factory = new IDBFactory();
    const big = 'x'.repeat(200);
    const { store, tick } = storeOn(factory, { maxBytes: 2000 });
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) {
      store.put('fp', k, big);
      await new Promise((ok) => setTimeout(ok, 5));
      await store.flush();
      tick();
    }
    store.put('fp', 'huge', 'y'.repeat(400));
    await new Promise((ok) => setTimeout(ok, 5));
    await store.flush();
    const next = storeOn(factory).store;
    const kept: string[] = [];
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) if (await next.get('fp', k)) kept.push(k);
    expect(kept.length * approxBytes(big)).toBeLessThanOrEqual(2000);
    expect(kept).toEqual(['f', 'e', 'd', 'c'].slice(0, kept.length).reverse());
    expect(await next.get('fp', 'huge')).toBeUndefined();
  });

  it('treats an entry that does not read back as written as a miss, and drops it', async () => {
    const factory = new IDBFactory();
    const { store } = storeOn(factory);
    store.put('fp', 'k', ROWS);
    store.put('fp', 'k2', ROWS);
    await new Promise((ok) => setTimeout(ok, 5));
    await store.flush();
    // Damage both values behind the store's back: one replaced, one deleted.
    const db = await openIdb('gov-info-reports-answers', 1, () => undefined, { factory });
    await transact(db, 'values', 'readwrite', (tx) => {
      const values = tx.objectStore('values');
      values.put('garbage', 'fp\u001fk');
      values.delete('fp\u001fk2');
      return () => undefined;
    });
    db.close();
    const next = storeOn(factory).store;
    expect(await next.get('fp', 'k')).toBeUndefined();
    expect(await next.get('fp', 'k2')).toBeUndefined();
    await next.flush();
    const entries = await openIdb('gov-info-reports-answers', 1, () => undefined, { factory });
    const left = await transact(entries, 'entries', 'readonly', (tx) => {
      const r = tx.objectStore('entries').getAllKeys();
      return () => r.result;
    });
    entries.close();
    expect(left).toEqual([]);
  });

  it('without IndexedDB (private mode, blocked) every read is a miss and writes do nothing', async () => {
    const broken = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { store } = storeOn(broken);
    store.put('fp', 'k', ROWS);
    await expect(store.flush()).resolves.toBeUndefined();
    expect(await storeOn(broken).store.get('fp', 'k')).toBeUndefined();
  });

  it('a value IndexedDB cannot keep (a function) is not kept, and breaks nothing', async () => {
    const factory = new IDBFactory();
    const { store } = storeOn(factory);
    store.put('fp', 'bad', { f: () => 1 });
    store.put('fp', 'good', ROWS);
    await new Promise((ok) => setTimeout(ok, 5));
    await store.flush();
    const next = storeOn(factory).store;
    expect(await next.get('fp', 'bad')).toBeUndefined();
    expect(await next.get('fp', 'good')).toEqual({ value: ROWS });
  });
});
