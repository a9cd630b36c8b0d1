import type { FetchQueryOptions, QueryClient } from '@tanstack/react-query';
import type { BoundQuery } from '../sql';
import { loadedDatabase } from './options';

// biome-ignore lint/suspicious/noExplicitAny: any question's options (each factory's own answer type)
export type Question = FetchQueryOptions<any, Error, any, any>;

/**
 * Answers a person is likely to want next, asked in the background: each question waits for a
 * quiet moment (no view query in flight and the page idle: `Queryable.idle`), so it does not
 * queue ahead of one somebody waits for. A question already answered or being answered is
 * skipped; `cancelled` stops the rest (the state they were asked for has changed).
 */
export async function prefetchQuietly(
  client: QueryClient,
  questions: readonly Question[],
  cancelled: () => boolean,
): Promise<void> {
  const db = await loadedDatabase();
  for (const q of questions) {
    const asked = () => {
      const state = client.getQueryState(q.queryKey);
      return state?.data !== undefined || state?.fetchStatus === 'fetching';
    };
    if (cancelled() || asked()) continue;
    await db.idle?.();
    if (cancelled() || asked()) continue;
    await client.prefetchQuery(q);
  }
}

/**
 * Statements a person's next questions are likely to run, prepared one by one at quiet moments
 * (values aside: `Queryable.prepare`); `cancelled` stops the rest.
 */
export async function prepareQuietly(
  statements: readonly BoundQuery[],
  cancelled: () => boolean,
): Promise<void> {
  const db = await loadedDatabase();
  for (const q of statements) {
    if (cancelled()) return;
    await db.idle?.();
    if (cancelled()) return;
    await db.prepare?.(q);
  }
}
