/**
 * Render a whole view with data, as the app does but to markup: the view's own queries (its
 * `useQuery(xxxQuery(…))` factories, their fetch and `select`) run on the test engine over a
 * fixture dataset. React's server renderer does not fetch, so this renders, runs the queries the
 * render asked for, and renders again until no query is left pending (a view's queries may
 * depend on earlier answers: the dataset's years, the top units…).
 *
 * The test file must route the engine handle to the test engine, e.g.
 * `vi.mock('../../src/db/handle', () => ({ getDatabase: () => db }))`, and call `useDatasetReady`.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { vi } from 'vitest';
import { setStatus } from '../../src/db/status';
import { type UrlState, uiStore } from '../../src/state';
import type { TestDb } from '../db/harness';

/** Mark the dataset loaded (what the loader does when it is), with the test engine's summary. */
export async function useDatasetReady(db: TestDb): Promise<void> {
  setStatus({ phase: 'ready', summary: { ...(await db.engine.summary()), loadMs: 0 } });
}

/**
 * The store's state for the render. zustand hands React's server renderer the store's initial
 * state; the render should see the state set here, as the browser would.
 */
export function withUiState(patch: Partial<UrlState>): void {
  uiStore.getState().set(patch);
  vi.spyOn(uiStore, 'getInitialState').mockImplementation(() => uiStore.getState());
}

export const testQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** `client` (one per render by default) may be shared to see which queries several renders asked. */
export async function renderWithData(
  view: ReactElement,
  client = testQueryClient(),
  rounds = 6,
): Promise<string> {
  for (let i = 0; i < rounds; i++) {
    const html = renderToString(<QueryClientProvider client={client}>{view}</QueryClientProvider>);
    const pending = client
      .getQueryCache()
      .getAll()
      // A disabled query (enabled: false) is in the cache but the browser would not fetch it.
      .filter((q) => q.state.status === 'pending' && (q.options as { enabled?: unknown }).enabled !== false);
    if (pending.length === 0) return html;
    await Promise.all(pending.map((q) => q.fetch().catch(() => undefined)));
  }
  throw new Error(`queries still pending after ${rounds} renders`);
}

/** The markup's text, tags removed, entities of digits and quotes decoded, whitespace squeezed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
