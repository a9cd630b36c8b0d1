import type { Queryable } from '../../db/types';
import {
  type Anomaly,
  findAnomalies,
  type NarrativeCheck,
  type ReportFeatures,
} from '../../domain/anomalies';
import { anomalyFeaturesSql, narrativeChecksSql } from '../../sql/anomalies';

/** Every anomaly flag of the loaded data (bundled and imported reports together). */
export async function fetchAnomalies(db: Queryable): Promise<Anomaly[]> {
  const [features, checks] = await Promise.all([
    db.query<ReportFeatures>(anomalyFeaturesSql()),
    db.query<NarrativeCheck>(narrativeChecksSql()),
  ]);
  return findAnomalies(features, checks);
}
