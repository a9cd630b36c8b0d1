// ./db/boot (DuckDB's start, or the answers kept from an earlier visit) and ./start (the URL,
// the dataset's fetch, the view's chunk) are imported first, for their effects: modules run in
// the order of their first import, so these run before React and the app's components are
// evaluated.
import './db/boot';
import './start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchAllViews } from './app/views';
import { firstViewSettled } from './db/handle';
import { loaded } from './start';
import './app/styles.css';

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
