/**
 * Anomaly flags over everything loaded (src/domain/anomalies): the statements that gather what the
 * rules read, then the rules. Shared by the browser (src/queries/anomalies.ts, in the background
 * after the first view) and the CLI, which ships a dataset's flags in derived/anomalies.json
 * (./shipped-anomalies.ts, written by ./node/derived-writer.ts).
 */
import {
  type Anomaly,
  findAnomaliesInSlices,
  type NarrativeCheck,
  type Pause,
  type ReportFeatures,
} from '../domain/anomalies';
import {
  anomalyCandidateCountSql,
  anomalyCandidatePageSql,
  clearAnomalyT3Sql,
  createAnomalyCandidatesSql,
  createAnomalyT3Sql,
  fillAnomalyT3Sql,
  narrativeChecksSql,
  reportCountSql,
} from '../sql/anomalies';
import type { BoundQuery } from '../sql/bound';

/** What the flags need of an engine (src/db's `Queryable`, or a native connection in the CLI). */
export interface FlagSource {
  query<T>(q: BoundQuery): Promise<T[]>;
  /** A quiet moment for the next statement (the browser's; absent, they run straight on). */
  idle?(): Promise<void>;
}

/**
 * Reports per slice of `anomaly_t3`: a query asked meanwhile waits for one slice at most, not for
 * the whole table. At nationwide scale 4,000 took 30–150 ms a slice while the first inputs after
 * the load came; 2,000 halves that (interleaved A/B: median session p95 139 → 123 ms; 1,500 was
 * no better, the fill then overlapping more inputs).
 */
export const ANOMALY_SLICE = 2000;

/**
 * Candidate rows per page of the read: decoding them costs the main thread ~2–4 ms per 500 on a
 * quiet machine, so a page's task stays short where the whole answer's took 30–190 ms.
 */
export const ANOMALY_PAGE = 500;

type Candidate = ReportFeatures & { forSeries: boolean; forPeers: boolean };

/** Bumped by every fetch: a fill that is no longer the latest stops at its next slice. */
let generation = 0;
/** The fill (and read) in progress: the next one starts after it (they share `anomaly_t3`). */
let filling: Promise<unknown> = Promise.resolve();

/**
 * Every anomaly flag of `db`'s data, with `slice` reports per statement of the fill, `page`
 * candidates per read, and the rules paused by `pause` between slices of units and peer groups.
 */
export async function anomalyFlags(
  db: FlagSource,
  slice: number,
  page = ANOMALY_PAGE,
  pause?: Pause,
): Promise<Anomaly[]> {
  const mine = ++generation;
  // `checks` is a late table (src/db/late.ts): this waits for the first view's queries, and the
  // fill below must not run before them either.
  const narrative = await db.query<NarrativeCheck>(narrativeChecksSql());
  // Fill and read in turn, a newer request after an older one: they share the table.
  const read = filling.then(() => fillAndRead(db, mine, slice, page));
  filling = read.catch(() => undefined);
  const rows = await read;
  return findAnomaliesInSlices(
    rows.filter((r) => r.forSeries),
    narrative,
    rows.filter((r) => r.forPeers),
    pause,
  );
}

async function fillAndRead(db: FlagSource, mine: number, slice: number, page: number): Promise<Candidate[]> {
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
  // Kept in DuckDB, then read a page at a time at quiet moments: no long decode on the main thread.
  await db.query(createAnomalyCandidatesSql());
  const count = (await db.query<{ n: number }>(anomalyCandidateCountSql()))[0]?.n ?? 0;
  const rows: Candidate[] = [];
  for (let from = 1; from <= count; from += page) {
    await quiet();
    rows.push(...(await db.query<Candidate>(anomalyCandidatePageSql(from, from + page - 1))));
  }
  return rows;
}
