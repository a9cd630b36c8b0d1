/**
 * useEagerQuery asks its question while the component renders (a server render runs no effect,
 * so a plain useQuery would not have asked yet), and does not ask again a question answered or
 * being answered.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { useEagerQuery } from '../../../src/ui/common/useEagerQuery';

function setup(enabled = true) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const fetch = vi.fn(async () => 42);
  const options = { queryKey: ['q'], queryFn: fetch, enabled };
  function Eager() {
    const q = useEagerQuery(options);
    return <p>{q.data ?? 'none'}</p>;
  }
  function Plain() {
    const q = useQuery(options);
    return <p>{q.data ?? 'none'}</p>;
  }
  const render = (C: () => React.ReactNode) =>
    renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <C />
      </QueryClientProvider>,
    );
  return { client, fetch, render, Eager, Plain };
}

describe('useEagerQuery', () => {
  it('starts the fetch during render, where useQuery waits for its effect', async () => {
    const plain = setup();
    plain.render(plain.Plain);
    expect(plain.fetch).not.toHaveBeenCalled();

    const eager = setup();
    eager.render(eager.Eager);
    eager.render(eager.Eager); // a second render while it runs joins it
    expect(eager.fetch).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(eager.client.getQueryData(['q'])).toBe(42));
    expect(eager.render(eager.Eager)).toBe('<p>42</p>');
    expect(eager.fetch).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when the query is disabled', () => {
    const s = setup(false);
    s.render(s.Eager);
    expect(s.fetch).not.toHaveBeenCalled();
  });
});
