/**
 * The one zustand store: every piece of UI state, plus the notices of the last decoded URL.
 * Views import `useUi` / `uiStore` from src/state only; nothing else touches zustand.
 */
import { createStore, useStore } from 'zustand';
import { DEFAULT_STATE } from './defaults';
import type { OutcomeFilters, PivotState, QualityFilters, UrlState } from './types';
import type { UrlNotice } from './url/codec';
import { MAX_UNITS } from './url/params';

export interface UiActions {
  /** A user change of top-level fields (pushes one history entry). */
  set: (patch: Partial<UrlState>) => void;
  setOutcome: (patch: Partial<OutcomeFilters>) => void;
  setPivot: (patch: Partial<PivotState>) => void;
  setQuality: (patch: Partial<QualityFilters>) => void;
  /** Append units not yet selected, keeping the order and the MAX_UNITS cap. */
  addUnits: (units: readonly string[]) => void;
  removeUnit: (unit: string) => void;
  /** Replace everything from a decoded URL (initial load, back/forward). */
  replace: (state: UrlState, notices: UrlNotice[]) => void;
  dismissNotices: () => void;
}

export type UiStore = UrlState & { notices: UrlNotice[] } & UiActions;

export function createUiStore(initial: UrlState = DEFAULT_STATE) {
  return createStore<UiStore>()((set) => ({
    ...initial,
    notices: [],
    set: (patch) => set(patch),
    setOutcome: (patch) => set((s) => ({ outcome: { ...s.outcome, ...patch } })),
    setPivot: (patch) => set((s) => ({ pivot: { ...s.pivot, ...patch } })),
    setQuality: (patch) => set((s) => ({ quality: { ...s.quality, ...patch } })),
    addUnits: (units) =>
      set((s) => {
        const next = [...s.units];
        for (const u of units) if (!next.includes(u) && next.length < MAX_UNITS) next.push(u);
        return next.length === s.units.length ? {} : { units: next };
      }),
    removeUnit: (unit) => set((s) => ({ units: s.units.filter((u) => u !== unit) })),
    replace: (state, notices) => set({ ...state, notices }),
    dismissNotices: () => set({ notices: [] }),
  }));
}

/** The app's store. */
export const uiStore = createUiStore();

export function useUi<T>(selector: (s: UiStore) => T): T {
  return useStore(uiStore, selector);
}

/** The URL-mirrored part of the store. */
export function urlStateOf(s: UrlState): UrlState {
  return {
    view: s.view,
    lang: s.lang,
    dataset: s.dataset,
    units: s.units,
    year: s.year,
    metric: s.metric,
    trendMode: s.trendMode,
    scale: s.scale,
    outcome: s.outcome,
    pivot: s.pivot,
    report: s.report,
    quality: s.quality,
    embed: s.embed,
    table: s.table,
    corrections: s.corrections,
  };
}
