/**
 * Keeps the store and the address bar in step: the URL is decoded once at start (and on
 * back/forward); every user change that alters the encoded URL pushes one history entry.
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
}

function storedLang(host: UrlHost): Lang | null {
  try {
    const v = host.localStorage?.getItem(LANG_STORAGE_KEY);
    return (LANGS as readonly string[]).includes(v ?? '') ? (v as Lang) : null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

const legacyCount = (s: UiStore) => s.legacyNames.units.length + s.legacyNames.pivot.length;

/** Start syncing; returns the function that stops it. */
export function bindUrl(store: StoreApi<UiStore>, host: UrlHost): () => void {
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

  load(true);
  const onPop = () => load(false);
  host.addEventListener('popstate', onPop);

  const unsubscribe = store.subscribe((next, prev) => {
    if (next.lang !== prev.lang) {
      try {
        host.localStorage?.setItem(LANG_STORAGE_KEY, next.lang);
      } catch {
        // storage disabled: the URL still carries the language
      }
    }
    const search = encodeUrl(urlStateOf(next));
    if (search === host.location.search) return;
    // An old link's unit names resolved to ids, or a merged unit's id to the unit it joined, is
    // the same view, not a new step in history.
    const resolved = legacyCount(next) < legacyCount(prev) || next.unitRemaps !== prev.unitRemaps;
    if (resolved) host.history.replaceState(null, '', urlOf(search));
    else host.history.pushState(null, '', urlOf(search));
  });

  return () => {
    unsubscribe();
    host.removeEventListener('popstate', onPop);
  };
}
