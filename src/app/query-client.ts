import { QueryClient } from '@tanstack/react-query';

/** The app's one query cache (src/queries' factories run through it). */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/**
 * The longest a caller waits for the views' answers. Most come within a quarter of a second; a
 * question that waits for the engine or the late tables (seconds, while a dataset loads) must not
 * hold a history entry back from a person who presses Back.
 */
const MAX_WAIT_MS = 500;

/**
 * Settles once no question a view is showing is being answered (background prefetches aside), or
 * MAX_WAIT_MS later. Called a frame after a change, when the views it changed have asked.
 */
export function viewsAnswered(): Promise<void> {
  const answering = () => queryClient.isFetching({ type: 'active' }) > 0;
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
