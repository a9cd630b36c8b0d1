import './db/boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestDataset, resolveDatasetUrl } from './app/useDatasetLoader';
import { prefetchAllViews, prefetchView } from './app/views';
import { declareSavedChanges } from './db/fingerprint';
import { firstViewSettled } from './db/handle';
import { hasSavedChanges } from './import/user-state';
import { bindUrl, uiStore } from './state';
import './app/styles.css';

bindUrl(uiStore, window);
// Answers kept from an earlier visit hold only for the dataset's files alone: not when this
// browser will merge saved imports or unit merges into them (read before the dataset starts).
declareSavedChanges(hasSavedChanges());
// The critical path to the first chart is DuckDB's start (./db/boot, imported first) and the
// dataset's fetch, which begins here, before React's first render; the view's chunk downloads
// alongside.
const loaded = startDataset(uiStore.getState().dataset);
prefetchView(uiStore.getState().view);

/** Settles when the dataset has loaded or failed to (errors surface through useDatasetStatus()). */
function startDataset(path: string): Promise<void> {
  let href: string;
  try {
    href = resolveDatasetUrl(path);
  } catch {
    return Promise.resolve(); // the loader hook ignores such a path too
  }
  return requestDataset(href).catch(() => undefined);
}

function render(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The other views' chunks (~0.3 MB of script to parse) wait until the first view has drawn
  // its chart: fetched earlier, they competed with DuckDB's start for the 2 cores.
  loaded.then(firstViewSettled).then(prefetchAllViews);
}

render();
