/**
 * Answers kept across visits (issue 12: a repeat visit's first chart ≤ 0.5 s, while DuckDB alone
 * takes ~0.5 s to start). An answer the engine gave is kept in IndexedDB under (data fingerprint,
 * query key), the fingerprint being the exact files and build (./fingerprint.ts); on the next visit
 * a question asked again of the same files is answered from here as soon as they are fetched and
 * hashed, before the engine has started.
 *
 * What is kept is bounded (entries and approximate bytes; the least recently used go first).
 * Writes wait for an idle moment after the first view has settled, so they never compete with a
 * chart. Whatever goes wrong (no IndexedDB, private mode, a blocked or full store, an entry that
 * does not read back as written) is a miss: the engine answers as it would without this store.
 */
import { openIdb, transact } from '../util/idb';

const DB_NAME = 'gov-info-reports-answers';
/** Entry metadata (small: what eviction scans) and the answers themselves, by the same id. */
const ENTRIES = 'entries';
const VALUES = 'values';

interface Entry {
  id: string;
  fp: string;
  bytes: number;
  /** Last written or read (ms since epoch): the least recent go first. */
  at: number;
}

export interface AnswerStoreOptions {
  /** Another IndexedDB (tests). */
  factory?: IDBFactory;
  maxEntries?: number;
  maxBytes?: number;
  /** Runs a flush of queued writes; by default at an idle moment. */
  schedule?: (flush: () => void) => void;
  /** Clock for `at` (tests). */
  now?: () => number;
}

/** Hundreds of answers: every view's first chart and many of its variants. */
export const MAX_ENTRIES = 400;
/** Approximate bytes (strings count 2 a character). */
export const MAX_BYTES = 16 * 1024 * 1024;
/**
 * One answer at most (or a quarter of maxBytes if less): a first chart's answer is far smaller,
 * and a bigger one (the nationwide coverage grid) would cost main-thread time to count and clone.
 */
export const MAX_ANSWER_BYTES = 512 * 1024;
/** Read ahead with the list of ids: the most recently used answers, up to this many bytes. */
const PREFETCH_BYTES = 1024 * 1024;

const SEP = '\u001f';

export class AnswerStore {
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxAnswer: number;
  private readonly schedule: (flush: () => void) => void;
  private readonly now: () => number;
  /** The open connection while some read or write needs it (`use`), closed after. */
  private db: Promise<IDBDatabase | null> | null = null;
  private users = 0;
  /** Ids stored under each fingerprint, read once per fingerprint: a miss costs no read. */
  private readonly known = new Map<string, Promise<Set<string>>>();
  /** The same sets once read (`peek`). */
  private readonly listedNow = new Map<string, Set<string>>();
  private readonly writes = new Map<string, { fp: string; value: unknown }>();
  private readonly touches = new Set<string>();
  private readonly drops = new Set<string>();
  private flushing: Promise<void> | null = null;
  private queued = false;

  constructor(private readonly opts: AnswerStoreOptions = {}) {
    this.maxEntries = opts.maxEntries ?? MAX_ENTRIES;
    this.maxBytes = opts.maxBytes ?? MAX_BYTES;
    this.maxAnswer = Math.min(MAX_ANSWER_BYTES, this.maxBytes / 4);
    this.schedule = opts.schedule ?? whenIdle;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Run `fn` on an open connection, or give `none` without IndexedDB. The connection is shared
   * by overlapping calls and closed when the last ends (no connection held for the page's life).
   */
  private async use<T>(fn: (db: IDBDatabase) => Promise<T>, none: T): Promise<T> {
    this.users++;
    try {
      const db = await this.open();
      return db ? await fn(db) : none;
    } finally {
      this.release();
    }
  }

  private release(): void {
    if (--this.users > 0) return;
    const db = this.db;
    this.db = null;
    void db?.then((d) => d?.close());
  }

  private open(): Promise<IDBDatabase | null> {
    this.db ??= (this.opts.factory ? Promise.resolve(this.opts.factory) : answersIdb())
      .then((factory) =>
        openIdb(
          DB_NAME,
          1,
          (db) => {
            if (!db.objectStoreNames.contains(ENTRIES))
              db.createObjectStore(ENTRIES, { keyPath: 'id' }).createIndex('fp', 'fp');
            if (!db.objectStoreNames.contains(VALUES)) db.createObjectStore(VALUES);
          },
          { factory, timeoutMs: 3000 },
        ),
      )
      .catch(() => null);
    return this.db;
  }

  /**
   * The ids stored under `fp`, read once: from the whole list when `preload` read it (a repeat
   * visit, before the fingerprint was known), else in one transaction of their own that also reads
   * ahead the answers of `fp` used most recently, up to PREFETCH_BYTES.
   */
  private ids(fp: string): Promise<Set<string>> {
    let ids = this.known.get(fp);
    if (!ids) {
      const listed = this.listed ?? Promise.resolve(null);
      ids = listed
        .then((all) => (all ? new Set(all.filter((e) => e.fp === fp).map((e) => e.id)) : this.readIds(fp)))
        .catch(() => new Set<string>());
      this.known.set(fp, ids);
      void ids.then((set) => this.listedNow.set(fp, set));
    }
    return ids;
  }

  /** The ids stored under `fp` and the most recent of their answers, in one transaction. */
  private readIds(fp: string): Promise<Set<string>> {
    return this.use(async (db) => {
      const { all, read } = await this.readList(db, (store) =>
        store.index('fp').getAll(IDBKeyRange.only(fp)),
      );
      this.keepPrefetched(read);
      return new Set(all.map((e) => e.id));
    }, new Set<string>());
  }

  /**
   * One transaction: the entries `list` asks for and, as soon as they are listed, the answers
   * used most recently among them, up to PREFETCH_BYTES.
   */
  private readList(
    db: IDBDatabase,
    list: (entries: IDBObjectStore) => IDBRequest,
  ): Promise<{ all: Entry[]; read: [string, IDBRequest][] }> {
    return transact(db, [ENTRIES, VALUES], 'readonly', (tx) => {
      const values = tx.objectStore(VALUES);
      const r = list(tx.objectStore(ENTRIES));
      const read: [string, IDBRequest][] = [];
      let all: Entry[] = [];
      r.onsuccess = () => {
        all = (r.result as unknown[]).filter(isEntry);
        let budget = PREFETCH_BYTES;
        for (const e of [...all].sort((a, b) => b.at - a.at)) {
          if (e.bytes > budget) continue;
          budget -= e.bytes;
          read.push([e.id, values.get(e.id)]);
        }
      };
      return () => ({ all, read });
    });
  }

  private keepPrefetched(read: [string, IDBRequest][]): void {
    for (const [id, req] of read) this.prefetched.set(id, req.result as unknown);
  }

  /** The whole list of entries, read by `preload` before any fingerprint is known. */
  private listed: Promise<Entry[] | null> | null = null;

  /**
   * A repeat visit's first step, before the loaded files are hashed: open the database, list
   * every entry and read ahead the answers used most recently (whatever their fingerprint), so
   * that once the fingerprint is known its answers are matched in memory. Nothing read here is
   * used unless its entry's fingerprint is the loaded data's (`get` asks by fingerprint); the
   * connection stays open until `until` settles.
   */
  preload(until: Promise<unknown>): void {
    if (this.listed) return;
    this.users++;
    this.listed = this.use(async (db) => {
      const { all, read } = await this.readList(db, (store) => store.getAll());
      this.keepPrefetched(read);
      return all;
    }, null).catch(() => null);
    void until.finally(() => this.release());
  }

  /** Values read ahead by `ids`, by id (taken out when used). */
  private readonly prefetched = new Map<string, unknown>();

  /**
   * Start reading what is stored for `fp` (the ids, and the most recent answers): the loader calls
   * this as soon as the fingerprint is known, so the first question finds it ready.
   */
  warm(fp: string): Promise<unknown> {
    return this.ids(fp);
  }

  /**
   * Open the database now (the loader's first step), so that it is open when the fingerprint is
   * known; kept open until `until` settles.
   */
  prepare(until: Promise<unknown>): void {
    this.users++;
    void this.open();
    void until.finally(() => this.release());
  }

  /**
   * The answer to `key` under `fp` if it can be had without waiting: the list of `fp` already
   * read and the answer read ahead with it (else undefined, and `get` may still find it).
   */
  peek(fp: string, key: string): { value: unknown } | undefined {
    const id = fp + SEP + key;
    const pending = this.writes.get(id);
    if (pending) return { value: pending.value };
    if (!this.listedNow.get(fp)?.has(id) || !this.prefetched.has(id)) return undefined;
    const record = this.prefetched.get(id);
    this.prefetched.delete(id);
    return this.served(fp, id, record);
  }

  /** The answer stored for `key` under `fp`, or undefined (never stored, unreadable, or no IndexedDB). */
  async get(fp: string, key: string): Promise<{ value: unknown } | undefined> {
    const id = fp + SEP + key;
    const pending = this.writes.get(id);
    if (pending) return { value: pending.value };
    try {
      if (!(await this.ids(fp)).has(id)) return undefined;
      let record: unknown;
      if (this.prefetched.has(id)) {
        record = this.prefetched.get(id);
        this.prefetched.delete(id);
      } else {
        record = await this.use(
          (db) =>
            transact(db, VALUES, 'readonly', (tx) => {
              const r = tx.objectStore(VALUES).get(id);
              return () => r.result as unknown;
            }),
          undefined,
        );
      }
      return this.served(fp, id, record);
    } catch {
      return undefined;
    }
  }

  /** A record read for `id`: its answer, marked as used; unreadable, it is forgotten (a miss). */
  private served(fp: string, id: string, record: unknown): { value: unknown } | undefined {
    if (!isRecord(record, id)) {
      this.forget(fp, id);
      return undefined;
    }
    this.touches.add(id);
    this.queue();
    return { value: record.v };
  }

  /** Keep `value` as the answer to `key` under `fp` (written at the next idle moment). */
  put(fp: string, key: string, value: unknown): void {
    const id = fp + SEP + key;
    if (this.writes.has(id)) return;
    this.writes.set(id, { fp, value });
    this.queue();
  }

  private forget(fp: string, id: string): void {
    void this.ids(fp).then((ids) => ids.delete(id));
    this.drops.add(id);
    this.queue();
  }

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    this.schedule(() => {
      this.queued = false;
      void this.flush();
    });
  }

  /** Write what is queued now (tests; the schedule calls it otherwise). */
  flush(): Promise<void> {
    const run = async () => {
      // Writes come after start-up: what was read ahead and not asked for is not needed now.
      this.prefetched.clear();
      const pending = [...this.writes];
      this.writes.clear();
      const writes: [string, { fp: string; value: unknown; bytes: number }][] = [];
      for (const [id, w] of pending) {
        // Already kept (the engine answering again what was read from here): not rewritten.
        if ((await this.ids(w.fp)).has(id)) continue;
        const bytes = approxBytes(w.value, this.maxAnswer);
        if (bytes <= this.maxAnswer) writes.push([id, { ...w, bytes }]);
      }
      const touches = [...this.touches];
      const drops = [...this.drops];
      this.touches.clear();
      this.drops.clear();
      if (writes.length + touches.length + drops.length === 0) return;
      try {
        const written = await this.use(async (db) => {
          await this.write(db, writes, touches, drops);
          return true;
        }, false);
        if (written) for (const [id, w] of writes) void this.ids(w.fp).then((ids) => ids.add(id));
      } catch {
        // Quota, a closed database: this visit keeps nothing more, and loses nothing.
      }
    };
    const next = (this.flushing ?? Promise.resolve()).then(run);
    this.flushing = next;
    return next;
  }

  private write(
    db: IDBDatabase,
    writes: [string, { fp: string; value: unknown; bytes: number }][],
    touches: string[],
    drops: string[],
  ): Promise<void> {
    const at = this.now();
    return transact(
      db,
      [ENTRIES, VALUES],
      'readwrite',
      (tx) => {
        const entries = tx.objectStore(ENTRIES);
        const values = tx.objectStore(VALUES);
        // Read the (small) entry list first, then change it in one pass: writes, reads' times,
        // unreadable entries out, and the least recently used beyond the bounds.
        const all = entries.getAll();
        all.onsuccess = () => {
          const byId = new Map<string, Entry>();
          for (const e of all.result as Entry[]) {
            if (isEntry(e)) byId.set(e.id, e);
            else {
              const id = (e as { id?: unknown } | null)?.id;
              if (typeof id === 'string') {
                entries.delete(id);
                values.delete(id);
              }
            }
          }
          const remove = (id: string) => {
            byId.delete(id);
            entries.delete(id);
            values.delete(id);
          };
          for (const id of drops) remove(id);
          for (const id of touches) {
            const e = byId.get(id);
            if (e) {
              e.at = at;
              entries.put(e);
            }
          }
          for (const [id, w] of writes) {
            try {
              values.put({ id, v: w.value }, id);
            } catch {
              continue; // not cloneable: not kept, and the rest of the batch still is
            }
            const e: Entry = { id, fp: w.fp, bytes: w.bytes, at };
            byId.set(id, e);
            entries.put(e);
          }
          const list = [...byId.values()].sort((a, b) => a.at - b.at);
          let count = list.length;
          let bytes = list.reduce((n, e) => n + e.bytes, 0);
          for (const e of list) {
            if (count <= this.maxEntries && bytes <= this.maxBytes) break;
            remove(e.id);
            count--;
            bytes -= e.bytes;
            void this.ids(e.fp).then((ids) => ids.delete(e.id));
          }
        };
        return () => undefined;
      },
      'relaxed',
    );
  }
}

/** The storage bucket the answers live in, where the browser has Storage Buckets. */
export const ANSWERS_BUCKET = 'answers';

interface StorageBuckets {
  open(name: string, opts?: { durability?: string; persisted?: boolean }): Promise<{ indexedDB: IDBFactory }>;
}

let bucketIdb: Promise<IDBFactory | undefined> | null = null;

/**
 * IndexedDB of a storage bucket of their own where the browser has Storage Buckets (Chromium):
 * the answers are a cache, which the browser may evict apart from the user's imports, and their
 * writes do not go through the imports' quota bookkeeping (Chromium caches a bucket's remaining
 * space after a write: a write of answers just before the quota shrank let an import over it be
 * kept, tests/reliability/hostile.e2e.ts). Elsewhere the origin's own IndexedDB.
 */
function answersIdb(): Promise<IDBFactory | undefined> {
  bucketIdb ??= (async () => {
    const buckets = (globalThis.navigator as { storageBuckets?: StorageBuckets } | undefined)?.storageBuckets;
    if (buckets) {
      try {
        return (await buckets.open(ANSWERS_BUCKET, { durability: 'relaxed', persisted: false })).indexedDB;
      } catch {
        // not allowed here: the origin's IndexedDB
      }
    }
    return globalThis.indexedDB;
  })();
  return bucketIdb;
}

function isEntry(e: unknown): e is Entry {
  const x = e as Entry;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.id === 'string' &&
    typeof x.fp === 'string' &&
    Number.isFinite(x.bytes) &&
    Number.isFinite(x.at)
  );
}

/** A stored value reads back as written: an object naming its id, with the answer. */
function isRecord(r: unknown, id: string): r is { id: string; v: unknown } {
  return typeof r === 'object' && r !== null && (r as { id?: unknown }).id === id && 'v' in r;
}

/** Roughly what a value weighs (UTF-16 strings, 8-byte numbers); stops counting past `limit`. */
export function approxBytes(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (total > limit) return total;
    const v = stack.pop();
    if (typeof v === 'string') total += 2 * v.length + 8;
    else if (v === null || typeof v !== 'object') total += 8;
    else if (Array.isArray(v)) {
      total += 16;
      for (const x of v) stack.push(x);
    } else {
      total += 16;
      for (const [k, x] of Object.entries(v)) {
        total += 2 * k.length;
        stack.push(x);
      }
    }
  }
  return total;
}

/** After the current work, when the page is idle (a timeout bounds the wait). */
export function whenIdle(fn: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  if (ric) ric(fn, { timeout: 5000 });
  else setTimeout(fn, 200);
}
