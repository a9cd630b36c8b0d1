/**
 * The late tables as built at start-up must be those of the plain statements they replaced
 * (kept here as references). The unit index (buildUnitFacts, then buildUnits) groups the
 * reports once for the pinyin's input and the index. The coverage grid (buildCoverage) is built by summing reports per unit and
 * year and ranking units rather than cells. It must be the very table of the plain statement it
 * replaced: every unit × every year, its lowest report_id, all its failed checks, and `ord` the
 * rank of (province NULLS LAST, unit, unit_id, year) — kept here as the reference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCoverage, buildCoverageUnits } from '../../src/sql';
import { buildUnitFacts, buildUnits } from '../../src/sql/derived';
import { coverageShapeSql } from '../../src/sql/quality';
import { readUnits, unitFactsSql } from '../../src/sql/units';
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

  it('builds the units’ records in slices of whole units, the same as in one statement', async () => {
    await db.query(buildCoverageUnits());
    const all = () => db.query({ sql: 'SELECT * FROM coverage_units ORDER BY ord', params: [] });
    const whole = await all();
    const [shape] = await db.query<{ cells: number; years: number }>(coverageShapeSql());
    expect(shape!.cells).toBe(whole.length * shape!.years);
    // One unit a slice: any cut between two units' cells would split a record.
    for (let from = 1; from <= shape!.cells; from += shape!.years)
      await db.query(buildCoverageUnits({ from, to: from + shape!.years - 1, first: from === 1 }));
    expect(await all()).toEqual(whole);
    expect(whole.length).toBeGreaterThan(2);
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

const FACTS_REFERENCE = `SELECT unit_id AS "unitId", arg_max(unit, year) AS "unit",
  list_distinct(list(unit)) AS "names", any_value(unit_kind) AS "kind",
  any_value(parent_unit_id) AS "parentUnitId", any_value(region_code) AS "regionCode",
  any_value(region_name) AS "regionName", any_value(province) AS "province",
  any_value(prefecture) AS "prefecture", any_value(county) AS "county", any_value(level) AS "level"
FROM reports GROUP BY unit_id`;

const UNITS_REFERENCE = `
CREATE OR REPLACE TABLE units_ref AS
SELECT r.unit_id, arg_max(r.unit, r.year) AS unit,
  any_value(r.unit_kind) AS unit_kind, any_value(r.parent_unit_id) AS parent_unit_id,
  any_value(r.region_code) AS region_code, any_value(r.region_name) AS region_name,
  any_value(r.province) AS province, any_value(r.prefecture) AS prefecture,
  any_value(r.county) AS county, any_value(r.level) AS level,
  list_sort(list_distinct(list(r.year::INTEGER))) AS years,
  coalesce(any_value(p.short), '') AS short, coalesce(any_value(p.pinyin), '') AS pinyin,
  coalesce(any_value(p.initials), '') AS initials, coalesce(any_value(p.search), '') AS search,
  coalesce(any_value(p.place), '') AS place
FROM reports r
LEFT JOIN unit_pinyin p ON p.unit_id = r.unit_id
GROUP BY r.unit_id`;

describe('the unit index as built at start-up', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
    const q = (sql: string) => db.query({ sql, params: [] });
    // A renamed unit (two names over its years) and one unit without pinyin.
    await q(`INSERT INTO reports SELECT * REPLACE ('R' || report_id AS report_id, unit || '（新）' AS unit,
      year + 10 AS year) FROM reports WHERE report_id = 'B2022'`);
    await q(`INSERT INTO reports SELECT * REPLACE ('N' || report_id AS report_id, 'no-pinyin' AS unit_id)
      FROM reports WHERE report_id = 'C2021'`);
    await db.query(buildUnitFacts());
    await q("DELETE FROM unit_pinyin WHERE unit_id = 'no-pinyin'");
    await q(buildUnits().sql);
    await q(UNITS_REFERENCE);
  }, 120_000);

  it('reads the same unit facts as the plain statement', async () => {
    const [packed] = await db.query<{ units: string | null }>(unitFactsSql());
    const facts = readUnits(packed?.units ?? null);
    const want = await db.query<{ names: string[] }>({
      sql: `SELECT * FROM (${FACTS_REFERENCE}) ORDER BY "unitId"`,
      params: [],
    });
    expect(facts).toEqual(want.map((w) => ({ ...w, names: [...w.names].sort() })));
    expect(facts.some((f) => f.names.length > 1)).toBe(true);
  });

  it('has the reference statement’s rows and columns', async () => {
    const all = (t: string) => db.query({ sql: `SELECT * FROM ${t} ORDER BY unit_id`, params: [] });
    const units = await all('units');
    expect(units).toEqual(await all('units_ref'));
    expect(units).toContainEqual(expect.objectContaining({ unit_id: 'no-pinyin', short: '', pinyin: '' }));
    expect(await db.query({ sql: columns('units'), params: [] })).toEqual(
      await db.query({ sql: columns('units_ref'), params: [] }),
    );
  });
});
