import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestDataset, resolveDatasetUrl } from './app/useDatasetLoader';
import { prefetchAllViews, prefetchView } from './app/views';
import { engineRequested } from './db/client';
import { bindUrl, uiStore } from './state';
import './app/styles.css';

bindUrl(uiStore, window);
// The critical path to the first chart is DuckDB's start (a 34 MB wasm) and the Parquet fetch:
// both begin here, before React's first render, and the view's chunk downloads alongside.
startDataset(uiStore.getState().dataset);
prefetchView(uiStore.getState().view);

function startDataset(path: string): void {
  let href: string;
  try {
    href = resolveDatasetUrl(path);
  } catch {
    return; // the loader hook ignores such a path too
  }
  // errors surface through useDatasetStatus(); the promise is not the channel
  requestDataset(href).catch(() => undefined);
}

function render(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  prefetchAllViews();
}

// First let DuckDB's instantiate request go out (see engineRequested); never hold the page back
// for long if its script is slow to arrive.
Promise.race([engineRequested(), new Promise((ok) => setTimeout(ok, 400))]).finally(render);
