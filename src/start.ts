/**
 * What the page starts before React and the app's components are evaluated: main.tsx imports
 * this right after ./db/boot, so its body runs before react-dom and the component tree (about
 * half of the entry script) are evaluated. The dataset's fetch (and, on a repeat visit, the
 * hashing that finds answers kept from an earlier visit) is on the critical path to the first
 * chart; the view's chunk downloads alongside.
 */
import { viewsAnswered } from './app/query-client';
import { requestDataset, resolveDatasetUrl } from './app/useDatasetLoader';
import { prefetchView } from './app/views';
import { declareSavedChanges } from './db/fingerprint';
import { declareFirstView } from './db/stored';
import { hasSavedChanges } from './import/user-state';
import { bindUrl, uiStore } from './state';

// History entries are written once the views have answered a change: see bindUrl.
bindUrl(uiStore, window, viewsAnswered);
// Answers kept from an earlier visit hold only for the dataset's files alone: not when this
// browser will merge saved imports or unit merges into them (read before the dataset starts).
declareSavedChanges(hasSavedChanges());

/** Settles when the dataset has loaded or failed to (errors surface through useDatasetStatus()). */
export const loaded: Promise<void> = startDataset(uiStore.getState().dataset);
// A repeat visit's engine waits until this view has drawn answers kept from an earlier visit.
declareFirstView(prefetchView(uiStore.getState().view));

function startDataset(path: string): Promise<void> {
  let href: string;
  try {
    href = resolveDatasetUrl(path);
  } catch {
    return Promise.resolve(); // the loader hook ignores such a path too
  }
  return requestDataset(href).catch(() => undefined);
}
