/**
 * The coverage grid (src/sql/derived.ts buildCoverage) is built by summing reports per unit and
 * year and ranking units rather than cells. It must be the very table of the plain statement it
 * replaced: every unit × every year, its lowest report_id, all its failed checks, and `ord` the
 * rank of (province NULLS LAST, unit, unit_id, year) — kept here as the reference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoverage } from '../../src/sql';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

const REFERENCE = `
CREATE OR REPLACE TABLE coverage_ref AS
WITH u AS (
  SELECT unit_id, arg_max(unit, year) AS unit, any_value(province) AS province, any_value(level) AS level
  FROM reports GROUP BY unit_id
), y AS (
  SELECT DISTINCT year::INTEGER AS year FROM reports
), f AS (
  SELECT report_id, count(*)::DOUBLE AS n FROM checks GROUP BY report_id
), g AS (
  SELECT u.unit_id, u.unit, u.province, u.level, y.year,
    min(r.report_id) AS report_id, coalesce(sum(f.n), 0)::DOUBLE AS failures
  FROM u CROSS JOIN y
  LEFT JOIN reports r ON r.unit_id = u.unit_id AND r.year = y.year
  LEFT JOIN f ON f.report_id = r.report_id
  GROUP BY ALL
)
SELECT row_number() OVER (ORDER BY province NULLS LAST, unit, unit_id, year)::INTEGER AS ord, *
FROM g
ORDER BY ord`;

const columns = (table: string) =>
  `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`;

describe('the coverage grid as built at start-up', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
    // Cases the fixture lacks: two reports of one unit in one year (the lower id is the cell's,
    // the failures of both count), checks on each, and a unit with no province.
    const q = (sql: string) => db.query({ sql, params: [] });
    await q(`INSERT INTO reports SELECT * REPLACE ('A0' || report_id AS report_id) FROM reports
      WHERE report_id = 'B2022'`);
    await q(
      `INSERT INTO checks SELECT * REPLACE ('A0' || report_id AS report_id) FROM checks WHERE report_id = 'B2022'`,
    );
    await q(`INSERT INTO checks SELECT * FROM checks WHERE report_id = 'A0B2022'`);
    await q(`INSERT INTO reports SELECT * REPLACE ('zz-' || unit_id AS unit_id, 'Z' || report_id AS report_id,
      NULL AS province) FROM reports WHERE report_id = (SELECT max(report_id) FROM reports)`);
    await q(buildCoverage().sql);
    await q(REFERENCE);
  }, 120_000);

  it('has the reference statement’s rows, columns and order', async () => {
    const built = await db.query({ sql: 'SELECT * FROM coverage', params: [] });
    const reference = await db.query({ sql: 'SELECT * FROM coverage_ref', params: [] });
    expect(built).toEqual(reference);
    expect(await db.query({ sql: columns('coverage'), params: [] })).toEqual(
      await db.query({ sql: columns('coverage_ref'), params: [] }),
    );
  });

  it('covers the cases added: a doubled unit-year and a unit without a province', async () => {
    const doubled = await db.query<{ n: number }>({
      sql: `SELECT count(*)::INTEGER AS n FROM (SELECT unit_id, year FROM reports GROUP BY ALL HAVING count(*) > 1)`,
      params: [],
    });
    expect(doubled[0]?.n).toBeGreaterThan(0);
    const cell = await db.query<{ report_id: string; failures: number }>({
      sql: `SELECT report_id, failures FROM coverage WHERE report_id = 'A0B2022'`,
      params: [],
    });
    // Its own two checks and the one of B2022, the other report of that unit and year.
    expect(cell).toEqual([{ report_id: 'A0B2022', failures: 3 }]);
    const last = await db.query<{ province: string | null }>({
      sql: 'SELECT province FROM coverage ORDER BY ord DESC LIMIT 1',
      params: [],
    });
    expect(last[0]?.province).toBeNull();
  });
});
