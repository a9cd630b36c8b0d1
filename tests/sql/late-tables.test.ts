/** Which builders' statements read a late table, and so wait for its build (src/sql/derived.ts). */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/domain/metrics';
import {
  type BoundQuery,
  compareSql,
  coverageSql,
  failedChecksSql,
  id,
  outcomesSql,
  pivotSql,
  reportCellsSql,
  reportRowSql,
  ruleCountsSql,
  trendsSql,
  unitSearchSql,
} from '../../src/sql';
import { LATE_TABLES, readsCoverage, usesLateTables } from '../../src/sql/derived';

const A = '济源市人民政府';
const B = '洪泽区人民政府';

/** The first metric of a category: one reading each of t3x, t4x and t2x. */
function metricOf(category: (typeof METRICS)[number]['category']): string {
  const m = METRICS.find((x) => x.category === category);
  if (!m) throw new Error(`no metric of category ${category}`);
  return m.id;
}

const READS_LATE: Record<string, BoundQuery> = {
  'unit search, no text': unitSearchSql({}),
  'unit search by text and parent region': unitSearchSql({ text: 'JY', parentCode: '410000', limit: 20 }),
  'unit search by province and level': unitSearchSql({ text: '济源', province: '河南省', level: 'county' }),
  'quality coverage': coverageSql({}),
  'quality coverage in scope': coverageSql({ provinces: ['河南省'], levels: ['county'], years: [2021] }),
  'quality coverage by rule': coverageSql({ provinces: ['河南省'], rules: ['table3.row_sum'] }),
  'quality coverage, no rule chosen': coverageSql({ rules: [] }),
  // The report's row carries its failed checks (and its unit's years).
  'report row by id': reportRowSql({ reportId: 'r1' }),
  'report row by unit and year': reportRowSql({ unitId: A, year: 2021 }),
  'quality, failed checks': failedChecksSql({ provinces: ['河南省'], rules: ['table3.row_sum'] }, 200),
  'quality, rule counts': ruleCountsSql({ units: [A], years: [2021] }),
};

const READS_NO_LATE: Record<string, BoundQuery> = {
  'compare, chosen units': compareSql({ metric: 't3.new_received', year: 2021, units: [A, B] }),
  'compare, all units of a province': compareSql({
    metric: 'rate.disclosure',
    year: 2021,
    units: [],
    province: '河南省',
    level: 'county',
    order: 'asc',
  }),
  'compare, a table-四 metric': compareSql({ metric: metricOf('table4'), year: 2021, units: [A] }),
  'compare, a table-二 metric': compareSql({ metric: metricOf('table2'), year: 2019, units: [] }),
  trends: trendsSql({ metric: 't3.new_received', units: [A, B] }),
  'trends in a range': trendsSql({ metric: 'rate.disclosure', units: [A], from: 2019, to: 2022 }),
  'trends, a table-四 metric': trendsSql({ metric: metricOf('table4'), units: [A] }),
  'outcomes by group': outcomesSql({ units: [A], year: 2021, by: 'group' }),
  'outcomes by row': outcomesSql({
    units: [A, B],
    year: 2021,
    by: 'row',
    groups: ['other'],
    applicant: 'commercial',
  }),
  'pivot, sums': pivotSql({
    rows: ['province'],
    cols: ['year'],
    value: 'sum',
    filters: { level: ['county'] },
    totals: true,
  }),
  'pivot, by unit and applicant': pivotSql({
    rows: ['unit'],
    cols: ['applicant'],
    value: 'sum',
    filters: { unit: [A, B], year: ['2021'] },
    totals: false,
  }),
  'pivot, a rate': pivotSql({
    rows: ['level'],
    cols: [],
    value: { metric: 'rate.disclosure' },
    filters: {},
    totals: true,
  }),
  'report cells': reportCellsSql('r1'),
};

describe('usesLateTables on the builders', () => {
  it('the late tables are the unit index, its pinyin, the coverage grid (and its unit records), checks and regions', () => {
    expect([...LATE_TABLES].sort()).toEqual([
      'checks',
      'coverage',
      'coverage_units',
      'regions',
      'unit_pinyin',
      'units',
    ]);
  });

  for (const [name, q] of Object.entries(READS_LATE)) {
    it(`reads a late table: ${name}`, () => {
      expect(q.sql).toMatch(/"(units|coverage|checks)"/);
      expect(usesLateTables(q.sql)).toBe(true);
      // Only the coverage grid's readers wait for the whole late build (src/db/late.ts readyFor).
      expect(readsCoverage(q.sql)).toBe(/"coverage(_units)?"/.test(q.sql));
    });
  }

  it('the coverage grid is what Quality reads; the unit picker reads no part of it', () => {
    expect(readsCoverage(READS_LATE['quality coverage']!.sql)).toBe(true);
    expect(readsCoverage('SELECT * FROM "units" u JOIN "unit_pinyin" p ON TRUE')).toBe(false);
    expect(readsCoverage('SELECT * FROM "coverage_units2" v')).toBe(false);
    expect(readsCoverage('CREATE OR REPLACE TABLE "coverage" AS SELECT 1')).toBe(false);
  });

  for (const [name, q] of Object.entries(READS_NO_LATE)) {
    it(`reads none: ${name}`, () => {
      expect(usesLateTables(q.sql)).toBe(false);
    });
  }
});

describe('usesLateTables on SQL text', () => {
  it('is true for each late table after FROM or JOIN, however spaced or followed', () => {
    for (const t of LATE_TABLES) {
      expect(usesLateTables(`SELECT * FROM ${id(t)}`)).toBe(true);
      expect(usesLateTables(`SELECT * FROM ${id(t)} v WHERE 1`)).toBe(true);
      expect(usesLateTables(`SELECT * FROM "reports" r JOIN ${id(t)} v ON TRUE`)).toBe(true);
      expect(usesLateTables(`SELECT * FROM "reports" r LEFT JOIN ${id(t)} v ON TRUE`)).toBe(true);
      expect(usesLateTables(`SELECT * FROM\n  ${id(t)}\nWHERE 1`)).toBe(true);
      expect(usesLateTables(`SELECT 1 WHERE "unit" IN (SELECT "unit" FROM ${id(t)})`)).toBe(true);
    }
    expect(usesLateTables('SELECT * FROM "units"')).toBe(true);
    expect(usesLateTables('SELECT * FROM "t3x" t JOIN "coverage" c ON c."unit" = t."unit"')).toBe(true);
  });

  it('is false for a table whose name only starts like a late one', () => {
    expect(usesLateTables('SELECT * FROM "units_extra"')).toBe(false);
    expect(usesLateTables('SELECT * FROM "coverage2" c')).toBe(false);
    expect(usesLateTables('SELECT * FROM "reports" JOIN "unit_pinyin_old" p ON TRUE')).toBe(false);
    // id() doubles a quote inside a name: "units""x" is the table units"x, not units.
    expect(usesLateTables('SELECT * FROM "units""x"')).toBe(false);
  });

  it('is false for a late name that is not a table read', () => {
    expect(usesLateTables(`SELECT * FROM "reports" WHERE "unit" = 'units'`)).toBe(false);
    expect(usesLateTables(`SELECT 'coverage' AS "what" FROM "reports"`)).toBe(false);
    expect(usesLateTables(`SELECT "unit", 'regions' AS "pinyin" FROM "reports"`)).toBe(false);
    // Engine.summary's column alias, and an unquoted name (builders always quote through id()).
    expect(usesLateTables('SELECT (SELECT count(DISTINCT "unit") FROM "reports") AS units')).toBe(false);
    expect(usesLateTables('SELECT * FROM units')).toBe(false);
    // Writing a late table is the build itself, not a read that must wait for it.
    expect(usesLateTables('CREATE OR REPLACE TABLE "coverage" AS SELECT 1')).toBe(false);
    expect(usesLateTables(`INSERT INTO "unit_pinyin" VALUES ($1, $2, $3)`)).toBe(false);
  });
});
