/**
 * Background questions (src/queries/prefetch.ts): each waits for the database's quiet moment
 * before it is asked, one already answered is not asked again, and a cancelled run asks nothing
 * more.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setStatus } from '../../src/db/status';
import type { Queryable } from '../../src/db/types';
import { prefetchQuietly, type Question } from '../../src/queries/prefetch';
import { SUMMARY } from './summary';

const quiet = vi.hoisted(() => ({ waiters: [] as (() => void)[] }));
const db = vi.hoisted(
  (): Queryable => ({
    query: async () => [],
    idle: () => new Promise<void>((ok) => quiet.waiters.push(ok)),
  }),
);
vi.mock('../../src/db/handle', () => ({ getDatabase: () => db }));

afterEach(() => {
  setStatus({ phase: 'idle' });
  quiet.waiters.length = 0;
});

const tick = () => new Promise((ok) => setTimeout(ok, 0));

function question(name: string, asked: string[]): Question {
  return {
    queryKey: ['db', name],
    queryFn: async () => {
      asked.push(name);
      return name;
    },
    staleTime: Number.POSITIVE_INFINITY,
  };
}

describe(prefetchQuietly, () => {
  it('asks each question only at a quiet moment, one after another', async () => {
    setStatus({ phase: 'ready', summary: SUMMARY });
    const client = new QueryClient();
    const asked: string[] = [];
    const done = prefetchQuietly(client, [question('a', asked), question('b', asked)], () => false);
    await tick();
    expect(asked).toEqual([]);
    quiet.waiters.shift()!();
    await tick();
    expect(asked).toEqual(['a']);
    expect(client.getQueryData(['db', 'a'])).toBe('a');
    await tick();
    expect(asked).toEqual(['a']);
    quiet.waiters.shift()!();
    await done;
    expect(asked).toEqual(['a', 'b']);
  });

  it('skips a question already answered, and stops once cancelled', async () => {
    setStatus({ phase: 'ready', summary: SUMMARY });
    const client = new QueryClient();
    client.setQueryData(['db', 'a'], 'cached');
    const asked: string[] = [];
    let cancelled = false;
    const done = prefetchQuietly(client, [question('a', asked), question('b', asked)], () => cancelled);
    await tick();
    // 'a' was answered: the only wait is b's quiet moment.
    expect(quiet.waiters).toHaveLength(1);
    cancelled = true;
    quiet.waiters.shift()!();
    await done;
    expect(asked).toEqual([]);
    expect(client.getQueryData(['db', 'a'])).toBe('cached');
  });
});
