/**
 * useEagerQuery asks its question while the component renders (a server render runs no effect,
 * so a plain useQuery would not have asked yet), and does not ask again a question answered or
 * being answered.
 */
import { QueryClient, QueryClientProvider, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { useEagerQuery } from '../../../src/ui/common/useEagerQuery';

type Options = UseQueryOptions<number, Error, number, string[]>;

function Eager({ options }: { options: Options }) {
  const q = useEagerQuery(options);
  return <p>{q.data ?? 'none'}</p>;
}

function Plain({ options }: { options: Options }) {
  const q = useQuery(options);
  return <p>{q.data ?? 'none'}</p>;
}

function setup(enabled = true) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const fetch = vi.fn(async () => 42);
  const options: Options = { queryKey: ['q'], queryFn: fetch, enabled };
  const render = (C: typeof Eager) =>
    renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <C options={options} />
      </QueryClientProvider>,
    );
  return { client, fetch, render };
}

describe('useEagerQuery', () => {
  it('starts the fetch during render, where useQuery waits for its effect', async () => {
    const plain = setup();
    plain.render(Plain);
    expect(plain.fetch).not.toHaveBeenCalled();

    const eager = setup();
    eager.render(Eager);
    eager.render(Eager); // a second render while it runs joins it
    expect(eager.fetch).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(eager.client.getQueryData(['q'])).toBe(42));
    expect(eager.render(Eager)).toBe('<p>42</p>');
    expect(eager.fetch).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when the query is disabled', () => {
    const s = setup(false);
    s.render(Eager);
    expect(s.fetch).not.toHaveBeenCalled();
  });
});
