import { describe, expect, it } from 'vitest';
import {
  bindUrl,
  createUiStore,
  DEFAULT_STATE,
  LANG_STORAGE_KEY,
  linkOf,
  type UrlHost,
} from '../../src/state';

/** A browser history in memory: entries, a cursor, popstate listeners. */
function fakeHost(initialSearch: string, stored: Record<string, string> = {}) {
  const entries = [initialSearch];
  let at = 0;
  const listeners = new Set<() => void>();
  const storage = { ...stored };
  const location = { search: initialSearch, pathname: '/app/', hash: '' };
  const go = (url: string) => {
    const q = url.indexOf('?');
    location.search = q < 0 ? '' : url.slice(q);
  };
  const host: UrlHost = {
    location,
    history: {
      pushState: (_d, _u, url) => {
        entries.splice(at + 1, entries.length, '');
        at++;
        go(String(url));
        entries[at] = location.search;
      },
      replaceState: (_d, _u, url) => {
        go(String(url));
        entries[at] = location.search;
      },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    localStorage: {
      getItem: (k) => storage[k] ?? null,
      setItem: (k, v) => {
        storage[k] = v;
      },
    },
  };
  const back = () => {
    at--;
    location.search = entries[at]!;
    for (const l of listeners) l();
  };
  const forward = () => {
    at++;
    location.search = entries[at]!;
    for (const l of listeners) l();
  };
  return { host, entries, back, forward, storage, listeners };
}

describe('bindUrl', () => {
  it('loads the URL into the store and canonicalises it without a history entry', () => {
    const store = createUiStore();
    const h = fakeHost('?tab=timeline&y=2020');
    bindUrl(store, h.host);
    expect(store.getState().view).toBe('trends');
    expect(store.getState().year).toBe(2020);
    expect(h.entries).toEqual(['?v=2&view=trends&year=2020']);
  });

  it('shows notices for what the URL got wrong', () => {
    const store = createUiStore();
    bindUrl(store, fakeHost('?v=2&view=hack&units=%27%3B--').host);
    expect(store.getState().notices.map((n) => n.param)).toEqual(['view', 'units']);
    expect(store.getState().view).toBe(DEFAULT_STATE.view);
  });

  it('pushes one entry per user change, and back/forward restore the state', () => {
    const store = createUiStore();
    const h = fakeHost('');
    bindUrl(store, h.host);
    store.getState().set({ view: 'trends' });
    store.getState().addUnits(['0123456789abcdef', 'fedcba9876543210']);
    store.getState().setOutcome({ mode: 'count' });
    expect(h.entries).toHaveLength(4);
    expect(h.entries[3]).toBe('?v=2&view=trends&units=0123456789abcdef~fedcba9876543210&omode=count');
    h.back();
    expect(store.getState().outcome.mode).toBe('share');
    expect(store.getState().units).toEqual(['0123456789abcdef', 'fedcba9876543210']);
    h.back();
    h.back();
    expect(store.getState().view).toBe('compare');
    expect(store.getState().units).toEqual([]);
    h.forward();
    expect(store.getState().view).toBe('trends');
    // restoring from history must not push new entries
    expect(h.entries).toHaveLength(4);
  });

  it('does not push when a change leaves the URL as it was', () => {
    const store = createUiStore();
    const h = fakeHost('');
    bindUrl(store, h.host);
    store.getState().dismissNotices();
    store.getState().set({ view: 'compare' });
    expect(h.entries).toHaveLength(1);
  });

  it('persists the language and uses it for links without one', () => {
    const store = createUiStore();
    const h = fakeHost('');
    bindUrl(store, h.host);
    store.getState().set({ lang: 'en' });
    expect(h.storage[LANG_STORAGE_KEY]).toBe('en');

    const store2 = createUiStore();
    bindUrl(store2, fakeHost('?v=1&view=pivot', { [LANG_STORAGE_KEY]: 'en' }).host);
    expect(store2.getState().lang).toBe('en');
    const store3 = createUiStore();
    bindUrl(store3, fakeHost('?v=1&lang=zh', { [LANG_STORAGE_KEY]: 'en' }).host);
    expect(store3.getState().lang).toBe('zh');
  });

  it('stops listening when unbound', () => {
    const store = createUiStore();
    const h = fakeHost('');
    const stop = bindUrl(store, h.host);
    stop();
    store.getState().set({ view: 'quality' });
    expect(h.entries).toHaveLength(1);
    expect(h.listeners.size).toBe(0);
  });

  it('an old link naming units resolves to unit ids in place, without a history entry', () => {
    const store = createUiStore();
    const h = fakeHost(`?v=1&view=trends&units=${encodeURIComponent('鼓楼区~洪泽区人民政府')}`);
    bindUrl(store, h.host);
    expect(store.getState().units).toEqual([]);
    expect(store.getState().legacyNames.units).toEqual(['鼓楼区', '洪泽区人民政府']);
    expect(h.entries).toHaveLength(1);
    store.getState().resolveLegacy(['0123456789abcdef', 'fedcba9876543210'], [], []);
    expect(store.getState().legacyNames.units).toEqual([]);
    expect(h.entries).toEqual(['?v=2&view=trends&units=0123456789abcdef~fedcba9876543210']);
  });

  it('where the host paints, writes history after the frame: one entry for the changes of one frame', async () => {
    const store = createUiStore();
    const h = fakeHost('');
    const frames: FrameRequestCallback[] = [];
    bindUrl(store, { ...h.host, requestAnimationFrame: (cb) => frames.push(cb) });
    store.getState().set({ view: 'trends' });
    store.getState().setOutcome({ mode: 'count' });
    // Nothing written before the frame that shows the change.
    expect(h.entries).toEqual(['?v=2']);
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.entries).toEqual(['?v=2', '?v=2&view=trends&omode=count']);
    h.back();
    expect(store.getState().view).toBe(DEFAULT_STATE.view);
    // back/forward write nothing of their own
    for (const f of frames.splice(0)) f(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.entries).toEqual(['?v=2', '?v=2&view=trends&omode=count']);
  });

  it('given when the page has answered, writes the entry of each change only then, in order', async () => {
    const store = createUiStore();
    const h = fakeHost('');
    const answers: (() => void)[] = [];
    const answered = () => new Promise<void>((ok) => answers.push(ok));
    bindUrl(store, h.host, answered);
    store.getState().set({ view: 'trends' });
    // A second change while the first is being answered waits with it, as its own entry.
    store.getState().setOutcome({ mode: 'count' });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.entries).toEqual(['?v=2']);
    expect(answers).toHaveLength(1);
    answers.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.entries).toEqual(['?v=2', '?v=2&view=trends', '?v=2&view=trends&omode=count']);
    // The next change waits for its own answer; back before it is written drops it.
    store.getState().set({ year: 2020 });
    expect(h.entries).toHaveLength(3);
    expect(answers).toHaveLength(1);
    h.back();
    expect(store.getState().view).toBe('trends');
    expect(store.getState().outcome.mode).not.toBe('count');
    answers.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.entries).toEqual(['?v=2', '?v=2&view=trends', '?v=2&view=trends&omode=count']);
    expect(store.getState().year).not.toBe(2020);
  });

  it('where the host has idle periods, an answered change is written in the first one after its frame', async () => {
    const store = createUiStore();
    const h = fakeHost('');
    const frames: FrameRequestCallback[] = [];
    const idle: { cb: () => void; timeout?: number }[] = [];
    bindUrl(
      store,
      {
        ...h.host,
        requestAnimationFrame: (cb) => frames.push(cb),
        requestIdleCallback: (cb, o) => idle.push({ cb, timeout: o?.timeout }),
      },
      async () => undefined,
    );
    store.getState().set({ view: 'trends' });
    frames.shift()!(0);
    await new Promise((r) => setTimeout(r, 0));
    // Answered: the entry waits for the frame after, then for an idle period (at most a second).
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.entries).toEqual(['?v=2']);
    expect(idle.map((i) => i.timeout)).toEqual([1000]);
    idle.shift()!.cb();
    expect(h.entries).toEqual(['?v=2', '?v=2&view=trends']);
  });

  it('the link to the state is the one its history entry will have, before that is written', () => {
    const store = createUiStore();
    const h = fakeHost('');
    bindUrl(store, h.host, () => new Promise(() => undefined));
    store.getState().set({ view: 'trends', year: 2020 });
    expect(h.entries).toEqual(['?v=2']);
    const at = { origin: 'https://example.org', pathname: '/app/', hash: '' };
    expect(linkOf(store.getState(), at)).toBe('https://example.org/app/?v=2&view=trends&year=2020');
  });

  it('a link to a merged unit opens the unit it joined, in place, without a history entry', () => {
    const A = '0123456789abcdef';
    const B = 'fedcba9876543210';
    const h = fakeHost(`?v=2&view=trends&units=${A}~${B}`);
    const store = createUiStore(DEFAULT_STATE);
    bindUrl(store, h.host);
    store.getState().setPivot({ filters: { unit: [A] } });
    const pushed = h.entries.length;
    store.getState().remapUnits(new Map([[A, B]]));
    expect(store.getState().units).toEqual([B]);
    expect(store.getState().pivot.filters.unit).toEqual([B]);
    expect(h.entries).toHaveLength(pushed);
    expect(h.entries.at(-1)).toContain(`units=${B}`);
    expect(h.entries.at(-1)).not.toContain(A);
    // Nothing merged among them: no change, no rewrite.
    const entries = [...h.entries];
    store.getState().remapUnits(new Map([['1111111111111111', B]]));
    expect(store.getState().unitRemaps).toBe(1);
    expect(h.entries).toEqual(entries);
  });
});
