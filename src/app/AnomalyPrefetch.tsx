import { useQuery } from '@tanstack/react-query';
import { anomaliesQuery } from '../queries';

/**
 * Keeps the anomaly flags of the loaded data computed, in the background: asked for once the
 * first view has drawn (the fetch waits for the late tables) and again whenever the data changes
 * (an invalidation refetches an observed query), a slice at a time at idle moments
 * (src/queries/anomalies.ts): the fill, the read of the candidates (a page at a time) and the
 * rules (a few units or peer groups at a time, yielding every 8 ms) are all short tasks. Quality and Trends then find them ready rather than queue their own
 * queries behind them. Renders nothing and never re-renders on the answer.
 */
export function AnomalyPrefetch() {
  useQuery({ ...anomaliesQuery(), notifyOnChangeProps: [] });
  return null;
}
