/**
 * The `persister` every database query has (src/queries/options.ts `acrossVisits`): while the
 * engine starts, a stored answer (src/db/stored.ts) is used; the engine answers everything else,
 * and whichever of the two comes first wins; each engine answer is kept for the next visit.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setStatus } from '../../src/db/status';
import type { Queryable } from '../../src/db/types';
import { dbQuery } from '../../src/queries/options';
import { SUMMARY } from './summary';

const stored = vi.hoisted(() => ({
  answers: new Map<string, unknown>(),
  delayMs: 0,
  kept: [] as [string, unknown][],
  /** Calls of needEngine: the engine's start was asked not to wait for stored answers. */
  needed: 0,
  /** Answers already read (storedAnswerNow): the query's data from its first render. */
  atHand: new Map<string, unknown>(),
}));
vi.mock('../../src/db/handle', () => ({ getDatabase: (): Queryable => ({ query: async () => [] }) }));
vi.mock('../../src/db/stored', () => ({
  storedAnswer: async (key: string) => {
    await new Promise((ok) => setTimeout(ok, stored.delayMs));
    return stored.answers.has(key) ? { value: stored.answers.get(key) } : undefined;
  },
  keepAnswer: (key: string, value: unknown) => stored.kept.push([key, value]),
  needEngine: () => {
    stored.needed++;
  },
  storedAnswerNow: (key: () => string) =>
    stored.atHand.has(key()) ? { value: stored.atHand.get(key()) } : undefined,
}));

afterEach(() => {
  setStatus({ phase: 'idle' });
  stored.answers.clear();
  stored.kept.length = 0;
  stored.delayMs = 0;
  stored.needed = 0;
  stored.atHand.clear();
});

function ask(client: QueryClient, engine: () => Promise<string>) {
  const q = dbQuery('compare', { year: 2021 }, engine);
  return { hash: JSON.stringify(q.queryKey), answer: client.fetchQuery(q) };
}

describe('answers across visits', () => {
  it('while the engine starts, a stored answer is used without asking the engine', async () => {
    setStatus({ phase: 'loading', progress: null });
    const engine = vi.fn(async () => 'engine');
    const client = new QueryClient();
    stored.answers.set(JSON.stringify(dbQuery('compare', { year: 2021 }, engine).queryKey), 'stored');
    const { answer } = ask(client, engine);
    expect(await answer).toBe('stored');
    expect(engine).not.toHaveBeenCalled();
    expect(stored.kept).toEqual([]);
    // Answered from the store: the engine's start may keep waiting for the view to be drawn.
    expect(stored.needed).toBe(0);
  });

  it('a stored answer already at hand is the data at once: no fetch, no engine', async () => {
    setStatus({ phase: 'loading', progress: null });
    const engine = vi.fn(async () => 'engine');
    const q = dbQuery('compare', { year: 2021 }, engine);
    stored.atHand.set(JSON.stringify(q.queryKey), 'at hand');
    const client = new QueryClient();
    expect(await client.fetchQuery(q)).toBe('at hand');
    expect(client.getQueryData(q.queryKey)).toBe('at hand');
    expect(engine).not.toHaveBeenCalled();
    expect(stored.needed).toBe(0);
    // A question with corrections never takes one.
    const corrected = dbQuery('compare', { year: 2021, corrections: [] }, engine);
    stored.atHand.set(JSON.stringify(corrected.queryKey), 'at hand');
    expect(corrected.initialData).toBeUndefined();
  });

  it('a question the store cannot answer while the engine starts asks for the engine at once', async () => {
    setStatus({ phase: 'loading', progress: null });
    const client = new QueryClient();
    const { answer } = ask(client, async () => 'engine');
    await new Promise((ok) => setTimeout(ok, 10));
    expect(stored.needed).toBe(1);
    setStatus({ phase: 'ready', summary: SUMMARY });
    expect(await answer).toBe('engine');
  });

  it('without a stored answer the engine answers once ready, and its answer is kept', async () => {
    setStatus({ phase: 'loading', progress: null });
    const client = new QueryClient();
    const { hash, answer } = ask(client, async () => 'engine');
    await new Promise((ok) => setTimeout(ok, 10));
    setStatus({ phase: 'ready', summary: SUMMARY });
    expect(await answer).toBe('engine');
    expect(stored.kept).toEqual([[hash, 'engine']]);
  });

  it('once the engine is ready it answers, even where a stored answer exists', async () => {
    setStatus({ phase: 'ready', summary: SUMMARY });
    const engine = vi.fn(async () => 'engine');
    stored.answers.set(JSON.stringify(dbQuery('compare', { year: 2021 }, engine).queryKey), 'stored');
    expect(await ask(new QueryClient(), engine).answer).toBe('engine');
  });

  it('a question with corrections is never answered from the store, nor kept', async () => {
    setStatus({ phase: 'loading', progress: null });
    const q = dbQuery('compare', { year: 2021, corrections: [] }, async () => 'engine');
    stored.answers.set(JSON.stringify(q.queryKey), 'stored');
    const answer = new QueryClient().fetchQuery(q);
    await new Promise((ok) => setTimeout(ok, 10));
    setStatus({ phase: 'ready', summary: SUMMARY });
    expect(await answer).toBe('engine');
    expect(stored.kept).toEqual([]);
  });

  it('a store slower than the engine does not hold the answer back', async () => {
    setStatus({ phase: 'loading', progress: null });
    stored.delayMs = 5000;
    const client = new QueryClient();
    const { answer } = ask(client, async () => 'engine');
    setStatus({ phase: 'ready', summary: SUMMARY });
    const started = Date.now();
    expect(await answer).toBe('engine');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
