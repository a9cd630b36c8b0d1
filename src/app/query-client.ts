import { type Query, QueryClient } from '@tanstack/react-query';

/** The app's one query cache (src/queries' factories run through it). */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** When each question's current fetch began (performance.now()), for `viewsAnswered(since)`. */
const fetchStarted = new WeakMap<Query, number>();
queryClient.getQueryCache().subscribe((event) => {
  if (event.type === 'updated' && event.action.type === 'fetch')
    fetchStarted.set(event.query, performance.now());
});

/**
 * The longest a caller waits for the views' answers. Most come within a quarter of a second; a
 * question that waits for the engine or the late tables (seconds, while a dataset loads) must not
 * hold a history entry back from a person who presses Back.
 */
const MAX_WAIT_MS = 500;

/**
 * Settles once no question a view is showing and asked `since` (a change) is being answered, or
 * MAX_WAIT_MS later. Called a frame after the change, when the views it changed have asked.
 * Background prefetches are not counted, nor questions already being answered before the change:
 * the anomaly flags, observed from the first view on, take seconds to fill, and waiting for them
 * wrote a first change's entry half a second late, in the middle of the next change.
 */
export function viewsAnswered(since = Number.NEGATIVE_INFINITY): Promise<void> {
  const answering = () =>
    queryClient
      .getQueryCache()
      .findAll({ type: 'active', fetchStatus: 'fetching' })
      .some((q) => (fetchStarted.get(q) ?? Number.NEGATIVE_INFINITY) >= since);
  if (!answering()) return Promise.resolve();
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      done();
    };
    const timer = setTimeout(finish, MAX_WAIT_MS);
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (!answering()) finish();
    });
  });
}
