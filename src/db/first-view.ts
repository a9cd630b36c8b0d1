/**
 * The answers a dataset ships for its first view (src/dataset/first-view.ts), while DuckDB starts:
 * the loader fetches `derived/first-view.json` beside the contract files and keeps it only for
 * the very files loaded; until the engine is ready, a question whose every statement is in it is
 * answered from it (src/queries/options.ts), and any other waits for the engine as before.
 */
import {
  decodeRows,
  FIRST_VIEW_FILE,
  FIRST_VIEW_LIMITS,
  readFirstView,
  statementKey,
} from '../dataset/first-view';
import type { BoundQuery } from '../sql/bound';
import { dataAsFetched } from './fingerprint';
import { boundedText, hashesByFile } from './shipped-file';
import { measure } from './timing';
import type { DatasetTable, Queryable } from './types';

interface Shipped {
  summary: Record<string, unknown>;
  statements: Map<string, unknown>;
}

/** The current load's answers (null: none, or not for these files); settled once looked for. */
let shipped: Promise<Shipped | null> = Promise.resolve(null);

/**
 * Look for the first view's answers of the dataset at `base` (the loader, as a load starts):
 * used only if they were computed from files with exactly these `hashes`.
 */
export function lookForFirstView(
  base: URL,
  hashes: Record<DatasetTable, Promise<string>>,
): Promise<Shipped | null> {
  const started = performance.now();
  shipped = (async () => {
    try {
      const text = await boundedText(new URL(FIRST_VIEW_FILE, base), FIRST_VIEW_LIMITS.bytes);
      // Saved imports or unit merges restored into the load change its answers.
      if (text === null || !(await dataAsFetched())) return null;
      const read = readFirstView(text, await hashesByFile(hashes));
      if (!read) console.info(`${FIRST_VIEW_FILE}: not for these files or this build; the engine answers`);
      else measure('db:stage', started, { stage: 'first-view answers read' });
      return read;
    } catch {
      return null;
    }
  })();
  return shipped;
}

/** No more answers from the file: the engine is ready (or the load failed, or another began). */
export function forgetFirstView(): void {
  shipped = Promise.resolve(null);
}

class NotShipped extends Error {}

/**
 * `fetch`'s answer to `key` from the shipped answers, if every statement it runs is there;
 * undefined otherwise (the caller asks the engine).
 */
export async function firstViewAnswer<K, T>(
  fetch: (db: Queryable, key: K) => Promise<T>,
  key: K,
): Promise<{ value: T } | undefined> {
  const s = await shipped;
  // A change made in this page since (an import, a unit merge) alters the answers.
  if (!s || !(await dataAsFetched())) return undefined;
  const db: Queryable = {
    query: async <R>(q: BoundQuery) => {
      const rows = decodeRows(s.statements.get(statementKey(q.sql, q.params)));
      if (!rows) throw new NotShipped();
      return rows as R[];
    },
  };
  try {
    return { value: await fetch(db, key) };
  } catch (e) {
    // A statement not shipped, or anything unexpected of the file: the engine answers instead.
    if (!(e instanceof NotShipped)) console.info(`${FIRST_VIEW_FILE}: not used (${String(e)})`);
    return undefined;
  }
}
