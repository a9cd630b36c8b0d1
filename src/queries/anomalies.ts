import type { Queryable } from '../db/types';
import { type Anomaly, findAnomalies, type NarrativeCheck, type ReportFeatures } from '../domain/anomalies';
import { anomalyFeaturesSql, narrativeChecksSql } from '../sql/anomalies';
import { dbQuery } from './options';

/**
 * Anomaly flags over everything loaded (src/domain/anomalies). One query over all reports, so it
 * is asked for only where shown (Quality, and Trends once its chart has data), never at start-up.
 */
export const anomaliesQuery = (enabled = true) => dbQuery('anomalies', null, fetchAnomalies, enabled);

/** Every anomaly flag of the loaded data (bundled and imported reports together). */
export async function fetchAnomalies(db: Queryable): Promise<Anomaly[]> {
  const [features, checks] = await Promise.all([
    db.query<ReportFeatures>(anomalyFeaturesSql()),
    db.query<NarrativeCheck>(narrativeChecksSql()),
  ]);
  return findAnomalies(features, checks);
}
