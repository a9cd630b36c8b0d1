/**
 * Keeps the store and the address bar in step: the URL is decoded once at start (and on
 * back/forward); every user change that alters the encoded URL pushes one history entry,
 * written once the page has answered it.
 * The language choice is also remembered in localStorage for links that do not carry one.
 */
import type { StoreApi } from 'zustand';
import type { UiStore } from './store';
import { urlStateOf } from './store';
import { LANGS, type Lang } from './types';
import { decodeUrl, encodeUrl } from './url/codec';

export const LANG_STORAGE_KEY = 'gov-info-reports.lang';

/** The part of `window` this module uses (a fake one in tests). */
export interface UrlHost {
  location: { search: string; pathname: string; hash: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener: (type: 'popstate', listener: () => void) => void;
  removeEventListener: (type: 'popstate', listener: () => void) => void;
  localStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Where the host paints (a browser window): history is then written after the next paint. */
  requestAnimationFrame?: (cb: FrameRequestCallback) => number;
  /** Where the host has idle periods: an entry is written in the first one after that paint. */
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
}

/**
 * Runs `fn` once the next frame has been painted, where the host paints; at once otherwise: the
 * changes of one frame make one entry, and an entry is written after the frame showing its answer.
 * `idle`: not before the page's next idle period either (within a second). Writing an entry took
 * the page's main thread 5–17 ms (a same-document navigation), which as a task of its own after
 * the frame could still come before the paint of a view's last change, or delay the next input.
 */
function afterPaint(host: UrlHost, fn: () => void, idle = false): void {
  if (typeof host.requestAnimationFrame !== 'function') {
    fn();
    return;
  }
  host.requestAnimationFrame(() => {
    if (idle && typeof host.requestIdleCallback === 'function')
      host.requestIdleCallback(() => fn(), { timeout: 1000 });
    else setTimeout(fn, 0);
  });
}

function storedLang(host: UrlHost): Lang | null {
  try {
    const v = host.localStorage?.getItem(LANG_STORAGE_KEY);
    return (LANGS as readonly string[]).includes(v ?? '') ? (v as Lang) : null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

/**
 * The link to what `state` shows: the address bar's, written from the state itself, because the
 * address bar takes a change only once the page has answered it (bindUrl).
 */
export function linkOf(state: UiStore, location: Pick<Location, 'origin' | 'pathname' | 'hash'>): string {
  return `${location.origin}${location.pathname}${encodeUrl(urlStateOf(state))}${location.hash}`;
}

const legacyCount = (s: UiStore) => s.legacyNames.units.length + s.legacyNames.pivot.length;

/**
 * Start syncing; returns the function that stops it. `answered(since)`, where given, settles once
 * the page has answered a change made at `since` (performance.now(); the questions its views
 * asked from then on are answered): the change's history entry is written after the frame that
 * follows.
 * Each entry written costs Chromium ~30 ms of CPU over its processes (~20 ms in the browser
 * process), which on two cores came out of DuckDB's worker answering the change (issue 12).
 */
export function bindUrl(
  store: StoreApi<UiStore>,
  host: UrlHost,
  answered?: (since: number) => Promise<void>,
): () => void {
  const urlOf = (search: string) => `${host.location.pathname}${search}${host.location.hash}`;

  const load = (initial: boolean) => {
    const decoded = decodeUrl(host.location.search);
    const state = decoded.state;
    if (initial && !new URLSearchParams(host.location.search).has('lang')) {
      state.lang = storedLang(host) ?? state.lang;
    }
    // Canonicalise (migrated, cleaned) without a history entry, before the store notifies,
    // so the subscriber below sees an address bar that already matches.
    const search = encodeUrl(state);
    if (search !== host.location.search) host.history.replaceState(null, '', urlOf(search));
    store.getState().replace(state, decoded.notices);
  };

  // Changes of one frame make one history entry; a replace only if every one of them was one.
  let pending: { replace: boolean; since: number } | null = null;
  // Entries made but not written yet: they wait until the page has answered (`answered`).
  const queued: { search: string; replace: boolean }[] = [];
  let waiting = false;
  let bound = true;
  const write = () => {
    if (!bound) return;
    for (const e of queued.splice(0)) {
      if (e.search === host.location.search) continue;
      if (e.replace) host.history.replaceState(null, '', urlOf(e.search));
      else host.history.pushState(null, '', urlOf(e.search));
    }
  };
  const take = () => {
    const p = pending;
    pending = null;
    if (!p || !bound) return;
    const search = encodeUrl(urlStateOf(store.getState()));
    if (search === (queued.at(-1)?.search ?? host.location.search)) return;
    queued.push({ search, replace: p.replace });
    if (!answered) return write();
    if (waiting) return;
    waiting = true;
    void answered(p.since).finally(() => {
      waiting = false;
      afterPaint(host, write, true);
    });
  };

  load(true);
  // Back or forward leaves from the last entry written: the ones not written yet are dropped.
  const onPop = () => {
    queued.length = 0;
    load(false);
  };
  host.addEventListener('popstate', onPop);

  const unsubscribe = store.subscribe((next, prev) => {
    if (next.lang !== prev.lang) {
      try {
        host.localStorage?.setItem(LANG_STORAGE_KEY, next.lang);
      } catch {
        // storage disabled: the URL still carries the language
      }
    }
    // An old link's unit names resolved to ids, or a merged unit's id to the unit it joined, is
    // the same view, not a new step in history.
    const resolved = legacyCount(next) < legacyCount(prev) || next.unitRemaps !== prev.unitRemaps;
    if (pending) pending.replace &&= resolved;
    else {
      pending = { replace: resolved, since: performance.now() };
      afterPaint(host, take);
    }
  });

  return () => {
    bound = false;
    unsubscribe();
    host.removeEventListener('popstate', onPop);
  };
}
