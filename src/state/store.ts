/**
 * The one zustand store: every piece of UI state, plus the notices of the last decoded URL.
 * Views import `useUi` / `uiStore` from src/state only; nothing else touches zustand.
 * Every change goes through `normalise`, so the rules that span fields (the vocabulary's
 * `normalisePivot`) hold in the store whatever action made the change, not only after a URL
 * was decoded.
 */
import { createStore, type StoreApi, useStore } from 'zustand';
import { MAX_UNITS, normaliseDrill, normalisePivot } from '../domain/vocab';
import { DEFAULT_STATE } from './defaults';
import type { OutcomeFilters, PivotState, QualityFilters, UnitFilter, UrlState } from './types';
import type { UrlNotice } from './url/codec';

export interface UiActions {
  /** A user change of top-level fields (pushes one history entry). */
  set: (patch: Partial<UrlState>) => void;
  setOutcome: (patch: Partial<OutcomeFilters>) => void;
  setFilter: (patch: Partial<UnitFilter>) => void;
  setPivot: (patch: Partial<PivotState>) => void;
  setQuality: (patch: Partial<QualityFilters>) => void;
  /** Append units not yet selected, keeping the order and the MAX_UNITS cap. */
  addUnits: (units: readonly string[]) => void;
  removeUnit: (unit: string) => void;
  /**
   * Legacy unit names of an old link (`legacyNames`) resolved to unit ids. `pending` keeps the
   * names no loaded unit holds yet (an import restored later may): by default none.
   */
  resolveLegacy: (
    units: readonly string[],
    pivotUnits: readonly string[],
    notices: UrlNotice[],
    pending?: UrlState['legacyNames'],
  ) => void;
  /**
   * Unit ids merged into other units (src/domain/units/merges.ts) replaced by the unit they now
   * are, in the chosen units and the pivot's unit filters: a link to a merged unit still opens.
   * The address bar is rewritten in place (`unitRemaps` counts these), not pushed.
   */
  remapUnits: (merged: ReadonlyMap<string, string>) => void;
  /** Replace everything from a decoded URL (initial load, back/forward). */
  replace: (state: UrlState, notices: UrlNotice[]) => void;
  dismissNotices: () => void;
}

export type UiStore = UrlState & { notices: UrlNotice[]; unitRemaps: number } & UiActions;

/**
 * A patch with the cross-field rules applied: the pivot layout's, the outcome drill's, the unit
 * cap. Parts that already obey them keep their identity (no needless re-render).
 */
function normalise<T extends Partial<UrlState>>(patch: T): T {
  let out = patch;
  if (patch.pivot) {
    const { layout } = normalisePivot(patch.pivot);
    if (layout !== patch.pivot) out = { ...out, pivot: layout };
  }
  if (patch.outcome) {
    const { drill } = normaliseDrill(patch.outcome);
    if (drill !== patch.outcome) out = { ...out, outcome: drill };
  }
  if (patch.units) {
    const units = patch.units.filter((u, i) => patch.units!.indexOf(u) === i).slice(0, MAX_UNITS);
    if (units.length !== patch.units.length) out = { ...out, units };
  }
  return out;
}

export function createUiStore(initial: UrlState = DEFAULT_STATE) {
  return createStore<UiStore>()((rawSet, _get, api) => {
    // Every change passes through `normalise`: the actions' and any direct `uiStore.setState`.
    const set = ((
      partial: UiStore | Partial<UiStore> | ((s: UiStore) => UiStore | Partial<UiStore>),
      replace?: boolean,
    ) =>
      rawSet(
        (s) => normalise(typeof partial === 'function' ? partial(s) : partial) as UiStore,
        replace as false,
      )) as StoreApi<UiStore>['setState'];
    api.setState = set;
    return {
      ...normalise(initial),
      notices: [],
      unitRemaps: 0,
      set: (patch) => set(patch),
      setOutcome: (patch) => set((s) => ({ outcome: { ...s.outcome, ...patch } })),
      setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
      setPivot: (patch) => set((s) => ({ pivot: { ...s.pivot, ...patch } })),
      setQuality: (patch) => set((s) => ({ quality: { ...s.quality, ...patch } })),
      addUnits: (units) =>
        set((s) => {
          const next = [...s.units];
          for (const u of units) if (!next.includes(u) && next.length < MAX_UNITS) next.push(u);
          return next.length === s.units.length ? {} : { units: next };
        }),
      removeUnit: (unit) => set((s) => ({ units: s.units.filter((u) => u !== unit) })),
      resolveLegacy: (units, pivotUnits, notices, pending = { units: [], pivot: [] }) =>
        set((s) => {
          const next = [...s.units];
          for (const u of units) if (!next.includes(u) && next.length < MAX_UNITS) next.push(u);
          const filters = { ...s.pivot.filters };
          if (pivotUnits.length > 0) filters.unit = [...new Set([...(filters.unit ?? []), ...pivotUnits])];
          return {
            units: next,
            pivot: { ...s.pivot, filters },
            legacyNames: pending,
            notices: [...s.notices, ...notices],
          };
        }),
      remapUnits: (merged) =>
        set((s) => {
          const map = (ids: readonly string[] | undefined) =>
            ids?.some((u) => merged.has(u)) ? [...new Set(ids.map((u) => merged.get(u) ?? u))] : undefined;
          const units = map(s.units);
          const unit = map(s.pivot.filters.unit);
          const parent = map(s.pivot.filters.parent);
          if (!units && !unit && !parent) return {};
          const filters = { ...s.pivot.filters, ...(unit && { unit }), ...(parent && { parent }) };
          return {
            ...(units && { units }),
            ...((unit || parent) && { pivot: { ...s.pivot, filters } }),
            unitRemaps: s.unitRemaps + 1,
          };
        }),
      replace: (state, notices) => set({ ...state, notices }),
      dismissNotices: () => set({ notices: [] }),
    };
  });
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
    legacyNames: s.legacyNames,
    filter: s.filter,
    latestEach: s.latestEach,
    compare: s.compare,
    year: s.year,
    metric: s.metric,
    trendMode: s.trendMode,
    scale: s.scale,
    outcome: s.outcome,
    pivot: s.pivot,
    report: s.report,
    cell: s.cell,
    quality: s.quality,
    embed: s.embed,
    table: s.table,
    corrections: s.corrections,
  };
}
