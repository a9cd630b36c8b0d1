import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { View } from '../state';

type Loader = () => Promise<{ default: ComponentType }>;

/** One chunk per view, so the first paint does not wait for recharts. */
const LOADERS: Record<View, Loader> = {
  compare: () => import('../ui/views/compare/CompareView'),
  trends: () => import('../ui/views/trends/TrendsView'),
  outcomes: () => import('../ui/views/outcomes/OutcomesView'),
  pivot: () => import('../ui/views/pivot/PivotView'),
  report: () => import('../ui/views/report/ReportView'),
  quality: () => import('../ui/views/quality/QualityView'),
};

export const VIEW_COMPONENTS = Object.fromEntries(
  Object.entries(LOADERS).map(([view, load]) => [view, lazy(load)]),
) as Record<View, LazyExoticComponent<ComponentType>>;

/**
 * Start fetching a view's chunk now (while DuckDB starts), not when the data is ready; the
 * module cache makes the later lazy() import instant.
 */
export function prefetchView(view: View): void {
  void LOADERS[view]().catch(() => undefined);
}
