/**
 * What every query factory of this folder shares (TanStack's `queryOptions`): a key under
 * `['db', name]` made of the question's resolved params, a fetch that waits for the loaded
 * dataset, results kept for as long as the dataset is (`staleTime: Infinity`; loading another
 * one invalidates `QUERY_ROOT`), and the previous answer shown while the next one loads
 * (`keepPreviousData`: `isPlaceholderData` is then true and the chart stays put).
 *
 * A factory resolves its params once (defaults from the vocabulary, order-insensitive lists
 * sorted), and that resolved object is both the key and what the fetch reads: the two cannot
 * disagree. Fields that change only how an answer is shown (a share's base, a sort that runs in
 * JS, a roster laid over the grid) stay out of the key and are applied by `select`, so changing
 * them re-shapes the cached answer without a query.
 *
 * Answers are also kept across visits (`persister`, src/db/stored.ts): while the engine starts,
 * a question asked before of the very same files and build is answered from the browser's store,
 * and one the dataset ships answers for (its first view's, src/db/first-view.ts) from those.
 */
import {
  hashKey,
  keepPreviousData,
  type Query,
  type QueryFunction,
  type QueryFunctionContext,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { firstViewAnswer } from '../db/first-view';
import { getDatabase } from '../db/handle';
import { getStatus, subscribeStatus } from '../db/status';
import { keepAnswer, needEngine, served, storedAnswer, storedAnswerNow } from '../db/stored';
import { measure } from '../db/timing';
import type { Queryable } from '../db/types';

/** Every database query's key starts with this: invalidating it refetches them all. */
export const QUERY_ROOT = ['db'] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Sort and dedupe a list of strings/numbers; order-insensitive lists only. */
export function sortedSet<T extends string | number>(list: readonly T[] | undefined): T[] | undefined {
  if (!list) return undefined;
  return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Drop undefined values and sort object keys recursively: a stable, JSON-able key part. */
export function normaliseKey(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normaliseKey);
  if (typeof value === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = normaliseKey(v);
    }
    return out;
  }
  return value as Json;
}

/**
 * The database once the dataset is loaded: a query asked while it loads (or reloads after an
 * import) waits for it, and one asked after a failed load fails with the loader's message.
 */
export function loadedDatabase(): Promise<Queryable> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = getStatus();
      if (s.phase === 'ready') {
        stop();
        resolve(getDatabase());
      } else if (s.phase === 'error') {
        stop();
        reject(new Error(s.error));
      }
    };
    const stop = subscribeStatus(check);
    check();
  });
}

/**
 * Options of one database query: `key` is the resolved question (JSON-able), `fetch` answers it.
 * `enabled: false` for a question with nothing to ask (no units chosen).
 */
export function dbQuery<K, T>(
  name: string,
  key: K,
  fetch: (db: Queryable, key: K) => Promise<T>,
  enabled = true,
) {
  const queryKey = [...QUERY_ROOT, name, normaliseKey(key)] as const;
  // "With corrections": the corrections come from IndexedDB too, and a question asked before
  // they are read would find the stored answer without them; such questions wait for the engine.
  const stored = !withCorrections(key);
  return queryOptions({
    queryKey,
    queryFn: async () => {
      if (getStatus().phase !== 'ready') {
        // The dataset's own answers for its first view, while the engine starts (src/db/first-view.ts).
        const shipped = stored ? await firstViewAnswer(fetch, key) : undefined;
        if (shipped) {
          served();
          measure('db:stage', performance.now(), { stage: `first-view answer ${name}` });
          return shipped.value;
        }
        needEngine();
      }
      return fetch(await loadedDatabase(), key);
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    persister: stored ? acrossVisits : undefined,
    // A stored answer already read (a repeat visit's first view) is the query's data from its
    // first render: no placeholder drawn first, no fetch. The engine's answer replaces it when the
    // loaded dataset invalidates every query (src/app/useDatasetLoader.ts), as for the persister's.
    initialData: stored ? () => storedInitial<T>(queryKey) : undefined,
  });
}

function storedInitial<T>(queryKey: readonly unknown[]): T | undefined {
  const hit = storedAnswerNow(() => hashKey(queryKey));
  if (!hit) return undefined;
  measure('db:stage', performance.now(), { stage: `stored answer ${String(queryKey[1])} (at hand)` });
  return hit.value as T;
}

function withCorrections(key: unknown): boolean {
  return (
    typeof key === 'object' && key !== null && (key as { corrections?: unknown }).corrections !== undefined
  );
}

/**
 * TanStack's `persister` hook around a query's fetch. Until the engine is ready, a stored answer
 * for the loaded files (src/db/stored.ts) is used if there is one; once it is ready, the engine
 * answers (a refetch too), and each engine answer is kept for the next visit. The store is never
 * waited on longer than the engine takes: whichever comes first answers.
 */
export async function acrossVisits<T, K extends QueryKey>(
  queryFn: QueryFunction<T, K, never>,
  ctx: QueryFunctionContext<K, never>,
  query: Query,
): Promise<T> {
  if (query.state.data === undefined && getStatus().phase !== 'ready') {
    const engineFirst = loadedDatabase().then(
      () => undefined,
      () => undefined,
    );
    const asked = performance.now();
    const hit = await Promise.race([storedAnswer(query.queryHash), engineFirst]);
    if (hit) {
      measure('db:stage', asked, { stage: `stored answer ${String(ctx.queryKey[1])}` });
      return hit.value as T;
    }
  }
  const value = await queryFn(ctx);
  keepAnswer(query.queryHash, value);
  return value;
}

const selects = new Map<string, unknown>();
/** Enough for every view's display variants; the oldest is dropped beyond it. */
const SELECTS_KEPT = 64;

/**
 * A `select` function that is the same object for the same display params (`name` + `display`),
 * so react-query re-shapes an answer only when the data or those params change, not on every
 * render (a new closure each render would re-run it each time).
 */
export function displaySelect<D, T, R>(
  name: string,
  display: D,
  shape: (data: T, display: D) => R,
): (data: T) => R {
  const id = `${name}\u001f${JSON.stringify(normaliseKey(display))}`;
  let fn = selects.get(id) as ((data: T) => R) | undefined;
  if (!fn) {
    fn = (data: T) => shape(data, display);
    if (selects.size >= SELECTS_KEPT) selects.delete(selects.keys().next().value!);
    selects.set(id, fn);
  }
  return fn;
}
