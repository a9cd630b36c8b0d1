import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { View } from '../state';

type Module = { default: ComponentType };
type Loader = () => Promise<Module>;

/** One chunk per view, so the first paint does not wait for recharts. */
const LOADERS: Record<View, Loader> = {
  compare: () => import('../ui/views/compare/CompareView'),
  trends: () => import('../ui/views/trends/TrendsView'),
  outcomes: () => import('../ui/views/outcomes/OutcomesView'),
  pivot: () => import('../ui/views/pivot/PivotView'),
  report: () => import('../ui/views/report/ReportView'),
  quality: () => import('../ui/views/quality/QualityView'),
  about: () => import('../ui/views/about/AboutView'),
};

const loaded: Partial<Record<View, Module>> = {};

/**
 * A view already fetched resolves synchronously (a thenable that calls back at once), so React
 * renders it without suspending. Suspending costs more than the import: React holds back the
 * content revealed after a fallback by ~300 ms (measured as a 300 ms gap on every first open).
 */
function load(view: View): Promise<Module> {
  const done = loaded[view];
  if (done) {
    // biome-ignore lint/suspicious/noThenProperty: a thenable that resolves synchronously is the point (React.lazy reads it at once)
    const ready = { then: (resolve: (m: Module) => void) => resolve(done) };
    return ready as unknown as Promise<Module>;
  }
  return LOADERS[view]().then((m) => {
    loaded[view] = m;
    return m;
  });
}

export const VIEW_COMPONENTS = Object.fromEntries(
  (Object.keys(LOADERS) as View[]).map((view) => [view, lazy(() => load(view))]),
) as Record<View, LazyExoticComponent<ComponentType>>;

/**
 * Start fetching a view's chunk now (while DuckDB starts), not when the data is ready; once it
 * is in, the view renders without suspending.
 */
export function prefetchView(view: View): Promise<unknown> {
  if (loaded[view]) return Promise.resolve();
  const chunk = load(view);
  chunk.catch(() => undefined);
  return chunk;
}

/**
 * Fetch every other view's chunk at the next idle time. main.tsx calls this once the first view
 * has drawn its chart: fetched while DuckDB compiled, the chunks competed with it for the 2 cores;
 * fetched on demand, a view's first open suspended (~300 ms).
 */
export function prefetchAllViews(): void {
  const run = () => {
    for (const view of Object.keys(LOADERS) as View[]) prefetchView(view);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}
