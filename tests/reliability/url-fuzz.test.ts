/**
 * ≥ 10,000 generated and malicious query strings through the whole read path: the URL codec →
 * state → the views' query params → the SQL builders → DuckDB-WASM (the Node blocking build)
 * over a small dataset. Nothing may throw, no SQL may fail, no injected statement may run (a
 * canary table keeps its one row and value), no hostile text may appear in SQL text, and every
 * invalid parameter must come back as a notice. Unit search text takes the same strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, Row } from '../../src/db/types';
import { fetchCompare } from '../../src/queries/compare';
import { fetchOutcomes } from '../../src/queries/outcomes';
import { fetchPivot } from '../../src/queries/pivot';
import { fetchQuality } from '../../src/queries/quality';
import { fetchReport } from '../../src/queries/report';
import { fetchTrends } from '../../src/queries/trends';
import { fetchUnitSearch } from '../../src/queries/units';
import type { BoundQuery } from '../../src/sql/bound';
import { createUiStore, decodeUrl, encodeUrl, type UrlState, urlStateOf } from '../../src/state';
import { hashKeys, Rng } from '../../src/synth/prng';
import { pivotParams } from '../../src/ui/views/pivot/params';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';
import { recordCount } from './counts';
import { rawUrl, storeAction, structuredUrl } from './url-gen';

const SEED = 'url-fuzz-v1';
const URLS = 10_000;
/** Sequences of store actions, and the most actions in one. */
const SEQUENCES = 600;
const MAX_ACTIONS = 8;
const CANARY = 'canary-7f3a';
const LATEST = 2022;

/** Runs each distinct bound query once (most fuzzed states repeat), counting failures. */
class CheckedDb implements Queryable {
  readonly seen = new Map<string, Row[]>();
  readonly errors: string[] = [];
  hostile: string[] = [];
  leaks: string[] = [];
  constructor(private readonly db: TestDb) {}
  async query<T = Row>(q: BoundQuery): Promise<T[]> {
    for (const h of this.hostile) if (q.sql.includes(h)) this.leaks.push(`${h} in ${q.sql.slice(0, 120)}`);
    const key = `${q.sql}\u0000${JSON.stringify(q.params)}`;
    const hit = this.seen.get(key);
    if (hit) return hit as T[];
    try {
      const rows = await this.db.query<Row>(q);
      this.seen.set(key, rows);
      return rows as T[];
    } catch (error) {
      this.errors.push(
        `${String(error).slice(0, 200)} ← ${q.sql.slice(0, 200)} ${JSON.stringify(q.params).slice(0, 200)}`,
      );
      this.seen.set(key, []);
      return [];
    }
  }
}

/** What the state's view asks the database for, as src/ui/views/* do (the app runs only the current view). */
async function runView(db: Queryable, s: UrlState): Promise<void> {
  const year = s.year ?? LATEST;
  const units = s.units.length > 0 ? s.units : FIXTURE.reports.slice(0, 2).map((r) => r.unit_id);
  if (s.view === 'compare')
    await fetchCompare(db, { metric: s.metric, year, units: s.units, limit: s.units.length || 20 });
  if (s.view === 'trends') await fetchTrends(db, { metric: s.metric, units, mode: s.trendMode });
  if (s.view === 'outcomes')
    await fetchOutcomes(db, {
      units,
      year,
      by: s.outcome.group ? 'row' : 'group',
      groups: s.outcome.group ? [s.outcome.group] : undefined,
      rows: s.outcome.row ? [s.outcome.row] : undefined,
      applicant: s.outcome.applicant,
      measure: s.outcome.mode,
    });
  if (s.view === 'pivot') await fetchPivot(db, pivotParams(s.pivot));
  if (s.view === 'report')
    await fetchReport(db, s.report ? { reportId: s.report } : { unitId: units[0]!, year });
  if (s.view === 'quality')
    await fetchQuality(db, {
      rules: s.quality.rule ? [s.quality.rule] : undefined,
      years: s.quality.year !== null ? [s.quality.year] : undefined,
      provinces: s.quality.province ? [s.quality.province] : undefined,
      problemsOnly: s.quality.problemsOnly,
    });
}

/** Where the first `key=value` of a written search string ends (Infinity when absent). */
function segmentEnd(search: string, key: string): number {
  const k = encodeURIComponent(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`[?&]${k}=([^&]*)`).exec(search);
  return m ? m.index + m[0].length : Number.POSITIVE_INFINITY;
}

/** JSON with object keys sorted: the same state whatever order its filters were written in. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** Strings that must never show up inside SQL text: long enough and carrying SQL or markup syntax. */
function hostileParts(values: string[]): string[] {
  return values.filter((v) => v.length >= 4 && v.length < 500 && /['";<]|--/.test(v));
}

describe('URL codec → SQL under fuzzing', () => {
  let test: TestDb;
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  beforeAll(async () => {
    test = await openTestDb();
    await loadFixture(test, FIXTURE);
    await test.conn.query(`CREATE TABLE canary (secret VARCHAR)`);
    await test.conn.query(`INSERT INTO canary VALUES ('${CANARY}')`);
  }, 120_000);
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  });

  it(`${URLS} generated and malicious URLs: no throw, no SQL error, no injection, a notice per bad parameter`, async () => {
    const started = performance.now();
    const db = new CheckedDb(test);
    const counts = await test.query<{ reports: number; cells: number }>({
      sql: 'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM cells) AS cells',
      params: [],
    });
    const failures: string[] = [];
    let notices = 0;
    for (let i = 0; i < URLS; i++) {
      const rng = new Rng(hashKeys(SEED, i));
      const structured = rng.chance(0.7) ? structuredUrl(rng) : null;
      const search = structured ? structured.search : rawUrl(rng);
      const where = `#${i} ${search.slice(0, 100)}`;
      try {
        const decoded = decodeUrl(search);
        notices += decoded.notices.length;
        const noticed = new Set(decoded.notices.map((n) => n.param));
        // A link past 20,000 characters is cut with a notice; parameters beyond the cut are gone.
        const cut = noticed.has('') && search.length > 20_000;
        for (const p of structured?.invalid ?? []) {
          if (cut && segmentEnd(search, p) > 20_000) continue;
          if (!noticed.has(p)) failures.push(`${where}: no notice for invalid ${JSON.stringify(p)}`);
        }
        // The decoded state is clean: written back and read again it gives itself, silently.
        const again = decodeUrl(encodeUrl(decoded.state));
        if (again.notices.length > 0 || stable(again.state) !== stable(decoded.state))
          failures.push(`${where}: state does not round-trip (${JSON.stringify(again.notices[0])})`);
        if (({} as Record<string, unknown>).polluted !== undefined)
          failures.push(`${where}: polluted Object.prototype`);
        db.hostile = hostileParts(structured?.values ?? [search]);
        await runView(db, decoded.state);
        // The unit picker's free text reaches SQL too (bound); feed it the same strings.
        if (i % 5 === 0)
          await fetchUnitSearch(db, { text: (structured?.values[0] ?? search).slice(0, 200), limit: 10 });
      } catch (error) {
        failures.push(`${where}: threw ${String(error).slice(0, 300)}`);
      }
    }
    const [canary] = await test.query<{ secret: string; n: number }>({
      sql: 'SELECT min(secret) AS secret, count(*) AS n FROM canary',
      params: [],
    });
    const countsAfter = await test.query<{ reports: number; cells: number }>({
      sql: 'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM cells) AS cells',
      params: [],
    });
    const injected =
      canary?.secret !== CANARY || canary?.n !== 1 || JSON.stringify(countsAfter) !== JSON.stringify(counts);
    const failed =
      new Set([...failures.map((f) => f.split(':')[0])]).size + db.errors.length + db.leaks.length;
    recordCount({
      suite: 'url fuzz',
      passed: URLS - Math.min(URLS, failed),
      failed: failed + (injected ? 1 : 0),
      note: `${db.seen.size} distinct queries run, ${db.errors.length} SQL errors, ${db.leaks.length} hostile strings in SQL, ${notices} notices, canary ${injected ? 'CHANGED' : 'intact'}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
    });
    for (const f of [...failures, ...db.errors, ...db.leaks].slice(0, 15)) console.log(`  ${f}`);
    expect(canary).toEqual({ secret: CANARY, n: 1 });
    expect(countsAfter).toEqual(counts);
    expect(db.errors).toEqual([]);
    expect(db.leaks).toEqual([]);
    expect(failures).toEqual([]);
  }, 300_000);

  it(`${SEQUENCES} sequences of store actions: every state reads back from its link and runs`, async () => {
    const db = new CheckedDb(test);
    const failures: string[] = [];
    for (let i = 0; i < SEQUENCES; i++) {
      const rng = new Rng(hashKeys(`${SEED}-store`, i));
      const store = createUiStore();
      const done: string[] = [];
      try {
        for (let k = rng.int(1, MAX_ACTIONS); k > 0; k--) {
          const action = storeAction(rng);
          done.push(action.name);
          action.run(store.getState());
          const state = urlStateOf(store.getState());
          // The store only ever holds states the codec accepts as they are (the rules ran)...
          const again = decodeUrl(encodeUrl(state));
          if (again.notices.length > 0 || stable(again.state) !== stable(state))
            failures.push(
              `#${i} ${done.join(' → ')}: ${JSON.stringify(again.notices[0] ?? 'state changed')}`,
            );
        }
        // ...and that the SQL builders accept: the view this state shows runs without an error.
        await runView(db, { ...urlStateOf(store.getState()), view: 'pivot' });
        await runView(db, urlStateOf(store.getState()));
      } catch (error) {
        failures.push(`#${i} ${done.join(' → ')}: threw ${String(error).slice(0, 300)}`);
      }
    }
    recordCount({
      suite: 'store-action fuzz',
      passed: SEQUENCES - Math.min(SEQUENCES, new Set(failures.map((f) => f.split(' ')[0])).size),
      failed: new Set(failures.map((f) => f.split(' ')[0])).size + db.errors.length,
      note: `${db.seen.size} distinct queries run, ${db.errors.length} SQL errors`,
    });
    for (const f of [...failures, ...db.errors].slice(0, 15)) console.log(`  ${f}`);
    expect(db.errors).toEqual([]);
    expect(failures).toEqual([]);
  }, 300_000);
});
