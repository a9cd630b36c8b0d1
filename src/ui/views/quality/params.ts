import type { QualityParams } from '../../../queries';
import type { QualityFilters } from '../../../state';

/**
 * The store's Quality filters, a roster's expected units and the review filter's keys as the
 * query's params: the view and the background prefetch (src/app/ViewPrefetch.tsx) ask the same.
 */
export function qualityParams(
  q: QualityFilters,
  expected: NonNullable<QualityParams['expected']>,
  reviewed: QualityParams['reviewed'],
): QualityParams {
  return {
    expected: expected.length > 0 ? expected : undefined,
    rules: q.rule ? [q.rule] : undefined,
    years: q.year !== null ? [q.year] : undefined,
    provinces: q.province ? [q.province] : undefined,
    problemsOnly: q.problemsOnly,
    reviewed,
  };
}
