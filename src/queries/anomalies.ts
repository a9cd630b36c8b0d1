import type { Queryable } from '../db/types';
import { type Anomaly, findAnomalies, type NarrativeCheck, type ReportFeatures } from '../domain/anomalies';
import {
  anomalyCandidatesSql,
  clearAnomalyT3Sql,
  createAnomalyT3Sql,
  fillAnomalyT3Sql,
  narrativeChecksSql,
  reportCountSql,
} from '../sql/anomalies';
import { dbQuery } from './options';

/**
 * Anomaly flags over everything loaded (src/domain/anomalies), once per version of the data:
 * the app asks for them in the background after the first view (src/app/AnomalyPrefetch.tsx),
 * so Quality and Trends find them ready instead of waiting on DuckDB's worker.
 */
export const anomaliesQuery = () => dbQuery('anomalies', null, fetchAnomalies);

/**
 * Reports per slice of `anomaly_t3`: ~15 ms of DuckDB's worker each at nationwide scale, so a
 * query asked meanwhile waits for one slice at most, not for the whole table (~0.2 s).
 */
export const ANOMALY_SLICE = 4000;

type Candidate = ReportFeatures & { forSeries: boolean; forPeers: boolean };

/** Bumped by every fetch: a fill that is no longer the latest stops at its next slice. */
let generation = 0;
/** The fill (and read) in progress: the next one starts after it (they share `anomaly_t3`). */
let filling: Promise<unknown> = Promise.resolve();

/**
 * Every anomaly flag of the loaded data (bundled and imported reports together). Table 三's
 * aggregates go into `anomaly_t3` a slice of reports at a time, each at a quiet moment
 * (`db.idle`); then DuckDB keeps only the reports that could be flagged (whole units, whole peer
 * groups), so the main thread decodes and scans a few thousand rows instead of every report,
 * for the same flags.
 */
export function fetchAnomalies(db: Queryable): Promise<Anomaly[]> {
  return anomalyFlags(db, ANOMALY_SLICE);
}

/** `fetchAnomalies` with `slice` reports per statement of the fill. */
export async function anomalyFlags(db: Queryable, slice: number): Promise<Anomaly[]> {
  const mine = ++generation;
  // `checks` is a late table (src/db/late.ts): this waits for the first view's queries, and the
  // fill below must not run before them either.
  const narrative = await db.query<NarrativeCheck>(narrativeChecksSql());
  // Fill and read in turn, a newer request after an older one: they share the table.
  const read = filling.then(() => fillAndRead(db, mine, slice));
  filling = read.catch(() => undefined);
  const rows = await read;
  return findAnomalies(
    rows.filter((r) => r.forSeries),
    narrative,
    rows.filter((r) => r.forPeers),
  );
}

async function fillAndRead(db: Queryable, mine: number, slice: number): Promise<Candidate[]> {
  const quiet = async () => {
    await db.idle?.();
    if (mine !== generation) throw new Error('anomaly flags: superseded by a newer request');
  };
  await quiet();
  await db.query(createAnomalyT3Sql());
  await db.query(clearAnomalyT3Sql());
  const n = (await db.query<{ n: number }>(reportCountSql()))[0]?.n ?? 0;
  for (let from = 1; from <= n; from += slice) {
    await quiet();
    await db.query(fillAnomalyT3Sql(from, from + slice - 1));
  }
  await quiet();
  return db.query<Candidate>(anomalyCandidatesSql());
}
