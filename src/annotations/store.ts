/**
 * The analyst's annotations in this browser: one small external store, loaded from IndexedDB on
 * first use and saved after every change. What is saved is read back through the same validation
 * as an imported file (a damaged record is dropped, not trusted).
 */
import { useSyncExternalStore } from 'react';
import {
  type Annotations,
  type Correction,
  correctionKey,
  mergeAnnotations,
  parseAnnotationsFile,
  type Review,
  reviewKey,
  sortCorrections,
  sortReviews,
  toAnnotationsFile,
} from '../domain/annotations';
import { loadAnnotations, saveAnnotations } from './persist';

const EMPTY: Annotations = { reviews: [], corrections: [] };
let state: Annotations = EMPTY;
let loaded: Promise<void> | null = null;
let saveError: string | null = null;
const listeners = new Set<() => void>();

function publish(next: Annotations): void {
  state = next;
  for (const l of listeners) l();
}

/** Load the saved annotations once; later calls share the first load. */
export function ensureAnnotationsLoaded(): Promise<void> {
  loaded ??= loadAnnotations()
    .then((saved) => {
      if (saved === null) return;
      const parsed = parseAnnotationsFile(toAnnotationsFile(saved as Annotations));
      if (parsed.ok) publish(mergeAnnotations(parsed.value, state));
    })
    .catch(() => undefined);
  return loaded;
}

async function commit(next: Annotations): Promise<void> {
  await ensureAnnotationsLoaded();
  publish(next);
  try {
    await saveAnnotations(next);
    saveError = null;
  } catch (e) {
    saveError = e instanceof Error ? e.message : String(e);
  }
}

export const getAnnotations = (): Annotations => state;
export const getSaveError = (): string | null => saveError;

export function subscribeAnnotations(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The current annotations (starts the load from IndexedDB). */
export function useAnnotations(): Annotations {
  void ensureAnnotationsLoaded();
  return useSyncExternalStore(subscribeAnnotations, getAnnotations, getAnnotations);
}

export async function setReview(r: Review): Promise<void> {
  await ensureAnnotationsLoaded();
  const rest = state.reviews.filter((x) => reviewKey(x) !== reviewKey(r));
  await commit({ ...state, reviews: sortReviews([...rest, r]) });
}

export async function removeReview(r: Pick<Review, 'reportId' | 'rule' | 'location'>): Promise<void> {
  await ensureAnnotationsLoaded();
  await commit({ ...state, reviews: state.reviews.filter((x) => reviewKey(x) !== reviewKey(r)) });
}

export async function setCorrection(c: Correction): Promise<void> {
  await ensureAnnotationsLoaded();
  const rest = state.corrections.filter((x) => correctionKey(x) !== correctionKey(c));
  await commit({ ...state, corrections: sortCorrections([...rest, c]) });
}

export async function removeCorrection(
  c: Pick<Correction, 'reportId' | 'table' | 'row' | 'col'>,
): Promise<void> {
  await ensureAnnotationsLoaded();
  await commit({
    ...state,
    corrections: state.corrections.filter((x) => correctionKey(x) !== correctionKey(c)),
  });
}

/** Merge an annotations file into the current state; the reason when it is refused. */
export async function importAnnotations(
  text: string,
): Promise<{ ok: true; added: number } | { ok: false; reason: string }> {
  const parsed = parseAnnotationsFile(text);
  if (!parsed.ok) return parsed;
  await ensureAnnotationsLoaded();
  await commit(mergeAnnotations(state, parsed.value));
  return { ok: true, added: parsed.value.reviews.length + parsed.value.corrections.length };
}

export const exportAnnotations = (): string => toAnnotationsFile(state);
