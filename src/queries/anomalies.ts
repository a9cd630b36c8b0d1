import { ANOMALY_PAGE, ANOMALY_SLICE, anomalyFlags } from '../dataset/anomaly-flags';
import { shippedAnomalies } from '../db/shipped-anomalies';
import type { Queryable } from '../db/types';
import type { Anomaly } from '../domain/anomalies';
import { yieldEvery } from '../util/yield';
import { dbQuery } from './options';

/**
 * Anomaly flags over everything loaded (src/domain/anomalies), once per version of the data:
 * the app asks for them in the background after the first view (src/app/AnomalyPrefetch.tsx),
 * so Quality and Trends find them ready instead of waiting on DuckDB's worker.
 */
export const anomaliesQuery = () => dbQuery('anomalies', null, fetchAnomalies);

/** Main-thread time the rules run before handing the thread back (a frame's worth, less). */
const RULES_BUDGET_MS = 8;

/**
 * Every anomaly flag of the loaded data (bundled and imported reports together). Table 三's
 * aggregates go into `anomaly_t3` a slice of reports at a time, each at a quiet moment
 * (`db.idle`); then DuckDB keeps only the reports that could be flagged (whole units, whole peer
 * groups), so the main thread decodes and scans a few thousand rows instead of every report,
 * for the same flags (src/dataset/anomaly-flags.ts). A dataset that ships its flags skips all that.
 */
export async function fetchAnomalies(db: Queryable): Promise<Anomaly[]> {
  // The dataset's own flags, when it ships them for the very files loaded (src/db/shipped-anomalies.ts).
  const shipped = await shippedAnomalies();
  if (shipped) return shipped;
  return anomalyFlags(db, ANOMALY_SLICE, ANOMALY_PAGE, yieldEvery(RULES_BUDGET_MS));
}
