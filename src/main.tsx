import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchView } from './app/views';
import { bindUrl, uiStore } from './state';
import './app/styles.css';

bindUrl(uiStore, window);
prefetchView(uiStore.getState().view);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
