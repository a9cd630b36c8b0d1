/** Anomaly flags over a dataset's reports: see each rule's module for its threshold and why. */
import { copiedTables } from './copied';
import { oldFormat } from './format';
import { type NarrativeCheck, narrativeMismatches } from './narrative';
import { peerOutliers } from './peers';
import { sortAnomalies } from './sort';
import type { Anomaly, ReportFeatures } from './types';
import { yoyJumps } from './yoy';

export { COPIED_MIN_NONZERO, copiedTables } from './copied';
export { OLD_FORMAT_FROM_YEAR, oldFormat } from './format';
export { type NarrativeCheck, narrativeMismatches } from './narrative';
export { PEER_MIN_DENOMINATOR, PEER_MIN_GROUP, PEER_Z, peerOutliers, robustZ } from './peers';
export { findAnomaliesInSlices, type Pause } from './sliced';
export { sortAnomalies } from './sort';
export * from './types';
export { YOY_FACTOR, YOY_MIN_BASE, yoyJumps } from './yoy';

/**
 * Every flag, ordered by unit, year and rule. `peers` are the reports the peer rule compares
 * (all of them by default); a caller may pass each rule only the whole units (`features`) and
 * whole peer groups (`peers`) that can be flagged, which gives the same flags (src/sql/anomalies.ts).
 */
export function findAnomalies(
  features: readonly ReportFeatures[],
  checks: readonly NarrativeCheck[],
  peers: readonly ReportFeatures[] = features,
): Anomaly[] {
  return sortAnomalies([
    ...yoyJumps(features),
    ...peerOutliers(peers),
    ...copiedTables(features),
    ...oldFormat(features),
    ...narrativeMismatches(checks),
  ]);
}
