import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { queryClient, viewsAnswered } from '../../src/app/query-client';

function deferred() {
  let resolve!: (v: number) => void;
  const promise = new Promise<number>((ok) => {
    resolve = ok;
  });
  return { promise, resolve };
}

const settledSoon = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((r) => setTimeout(r, 20));
  return done;
};

describe('viewsAnswered', () => {
  afterEach(() => queryClient.clear());

  it('settles at once when no shown question is being answered', async () => {
    expect(await settledSoon(viewsAnswered())).toBe(true);
  });

  it('waits for the questions a view shows, not for background prefetches', async () => {
    const shown = deferred();
    const background = deferred();
    const observer = new QueryObserver(queryClient, { queryKey: ['shown'], queryFn: () => shown.promise });
    const unsubscribe = observer.subscribe(() => undefined);
    void queryClient.prefetchQuery({ queryKey: ['background'], queryFn: () => background.promise });
    const answered = viewsAnswered();
    expect(await settledSoon(answered)).toBe(false);
    shown.resolve(1);
    expect(await settledSoon(answered)).toBe(true);
    background.resolve(2);
    unsubscribe();
  });

  it('does not wait for a shown question asked before the change', async () => {
    const earlier = deferred();
    const observer = new QueryObserver(queryClient, {
      queryKey: ['earlier'],
      queryFn: () => earlier.promise,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    const since = performance.now();
    expect(await settledSoon(viewsAnswered(since))).toBe(true);
    const later = deferred();
    const after = new QueryObserver(queryClient, { queryKey: ['later'], queryFn: () => later.promise });
    const stop = after.subscribe(() => undefined);
    expect(await settledSoon(viewsAnswered(since))).toBe(false);
    later.resolve(1);
    earlier.resolve(2);
    stop();
    unsubscribe();
  });
});
