/**
 * When the late tables (src/sql/derived.ts LATE_TABLES: checks and regions, the unit index with
 * pinyin, the coverage grid) go in at start-up. The first chart of a view reads none of them,
 * and putting them in before it cost ~100 ms on its path (issue 3). So a load ends without them;
 * they go in once the page has been idle and no other query is in flight (DuckDB's worker runs
 * one statement at a time, in order), and every query that reads one waits for that.
 */
import { readsCoverage } from '../sql/derived';

/** The longest the build waits for a quiet moment. */
const MAX_WAIT_MS = 3000;

/**
 * What a build is handed: `early()` says the tables every late table but the coverage grid
 * (the unit index, checks, regions) are in, so the queries reading them (the unit picker) go
 * ahead while the grid is still building; `between()` settles once no tracked query is in flight
 * (or after MAX_WAIT_MS), for a build made of several statements to let a view's query go first;
 * `quiet()` waits for an idle moment with none in flight as well (as the build's start does), for
 * the statements nothing waits for yet: they then start as a view has drawn, not as an input
 * arrives.
 */
export interface LateBuild {
  early(): void;
  between(): Promise<void>;
  quiet(): Promise<void>;
}

export class LateTables {
  private built: Promise<void> = Promise.resolve();
  private earlyBuilt: Promise<void> = Promise.resolve();
  /** The quiet moment the last scheduled build starts at. */
  private quiet: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private wakeWhenQuiet: (() => void)[] = [];

  /**
   * Build after the page's next idle moment with no other query running. Returns at once;
   * `ready()` settles with the build. `idle` is injectable for tests.
   */
  schedule(build: (marks: LateBuild) => Promise<void>, idle: () => Promise<void> = nextIdle): void {
    this.quiet = this.quietMoment(idle);
    let early!: () => void;
    const marked = new Promise<void>((ok) => {
      early = ok;
    });
    this.built = this.quiet.then(() =>
      build({ early, between: () => this.noQueryInFlight(), quiet: () => this.quietMoment(idle) }),
    );
    // Early tables are in when the build says so, or (failing that) when it ends, with its error.
    this.earlyBuilt = Promise.race([marked, this.built]);
    // A failed build surfaces through the queries that wait for it (`ready`).
    this.built.catch(() => undefined);
    this.earlyBuilt.catch(() => undefined);
  }

  /** Settles at the quiet moment the last scheduled build starts at (the first view has drawn). */
  quietReached(): Promise<void> {
    return this.quiet;
  }

  /** Settles when the last scheduled build has (rejects with its error). */
  ready(): Promise<void> {
    return this.built;
  }

  /**
   * Settles when the tables `sql` reads are in: the coverage grid with the whole build, the
   * other late tables when the build marks them `early`.
   */
  readyFor(sql: string): Promise<void> {
    return readsCoverage(sql) ? this.built : this.earlyBuilt;
  }

  /** The next idle moment with no query in flight (or MAX_WAIT_MS later), for other background work. */
  nextQuietMoment(idle: () => Promise<void> = nextIdle): Promise<void> {
    return this.quietMoment(idle);
  }

  /** Run a query that does not read a late table; the build waits until none is in flight. */
  async track<T>(run: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await run();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.wakeWhenQuiet.splice(0)) wake();
    }
  }

  /**
   * An idle moment with no query in flight (after a query answers, its view still renders), or
   * the moment MAX_WAIT_MS have passed, so a stream of queries cannot hold the build back.
   */
  private async quietMoment(idle: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      await idle();
      if (this.inFlight === 0 || Date.now() >= deadline) return;
      await Promise.race([this.settled(), new Promise((ok) => setTimeout(ok, deadline - Date.now()))]);
    }
  }

  /** No tracked query in flight, or MAX_WAIT_MS passed: a build's next statement may go. */
  private async noQueryInFlight(): Promise<void> {
    if (this.inFlight === 0) return;
    await Promise.race([this.settled(), new Promise((ok) => setTimeout(ok, MAX_WAIT_MS))]);
  }

  private settled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((wake) => this.wakeWhenQuiet.push(wake));
  }
}

/**
 * The browser's next idle period (≤ 1 s away). Where there is no requestIdleCallback (Safari), a
 * short timer: long enough for the first view's queries to be sent after the load.
 */
function nextIdle(): Promise<void> {
  return new Promise((ok) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => ok(), { timeout: 1000 });
    else setTimeout(ok, 100);
  });
}
