import type { Queryable } from '../db/types';
import { type Anomaly, findAnomalies, type NarrativeCheck, type ReportFeatures } from '../domain/anomalies';
import { anomalyCandidatesSql, narrativeChecksSql } from '../sql/anomalies';
import { dbQuery } from './options';

/**
 * Anomaly flags over everything loaded (src/domain/anomalies). One query over all reports, so it
 * is asked for only where shown (Quality, and Trends once its chart has data), never at start-up.
 */
export const anomaliesQuery = (enabled = true) => dbQuery('anomalies', null, fetchAnomalies, enabled);

type Candidate = ReportFeatures & { forSeries: boolean; forPeers: boolean };

/**
 * Every anomaly flag of the loaded data (bundled and imported reports together). DuckDB keeps
 * only the reports that could be flagged (whole units, whole peer groups), so the main thread
 * decodes and scans a few hundred rows instead of every report, for the same flags.
 */
export async function fetchAnomalies(db: Queryable): Promise<Anomaly[]> {
  const [rows, checks] = await Promise.all([
    db.query<Candidate>(anomalyCandidatesSql()),
    db.query<NarrativeCheck>(narrativeChecksSql()),
  ]);
  return findAnomalies(
    rows.filter((r) => r.forSeries),
    checks,
    rows.filter((r) => r.forPeers),
  );
}
