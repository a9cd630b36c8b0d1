import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { View } from '../state';

/** One lazily loaded chunk per view, so the first paint does not wait for recharts. */
export const VIEW_COMPONENTS: Record<View, LazyExoticComponent<ComponentType>> = {
  compare: lazy(() => import('../ui/views/compare/CompareView')),
  trends: lazy(() => import('../ui/views/trends/TrendsView')),
  outcomes: lazy(() => import('../ui/views/outcomes/OutcomesView')),
  pivot: lazy(() => import('../ui/views/pivot/PivotView')),
  report: lazy(() => import('../ui/views/report/ReportView')),
  quality: lazy(() => import('../ui/views/quality/QualityView')),
};
