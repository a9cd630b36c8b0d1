/** Exact SQL text of the builders, and the rules that keep user input out of it. */
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../../src/queries/keys';
import {
  compareSql,
  coverageSql,
  id,
  outcomesSql,
  pivotSql,
  reportRowSql,
  trendsSql,
  unitSearchSql,
} from '../../src/sql';
import { regionPrefix } from '../../src/sql/units';

const HOSTILE = `'; DROP TABLE reports; --`;

describe('SQL text', () => {
  it('compare', () => {
    expect(compareSql({ metric: 't3.new_received', year: 2021, units: ['甲', 'b'] })).toMatchInlineSnapshot(`
      {
        "params": [
          "2019",
          "2021",
          "new_received",
          "new_received",
          2021,
          "甲",
          "b",
          "甲",
          "b",
          50,
        ],
        "sql": "WITH m AS (
        SELECT "report_id", list_sum([sum(CASE WHEN "row" = $3 THEN "total" END)])::DOUBLE AS num, NULL::DOUBLE AS den
        FROM "t3x"
        WHERE "row" IN ($4) AND "year" = $5 AND "unit" IN ($8, $9)
        GROUP BY "report_id"
      )
      SELECT r."unit", r."report_id" AS "reportId", r."format",
        r."province", r."level", (r."format" IN ($1, $2)) AS "comparable",
        CASE WHEN (r."format" IN ($1, $2)) THEN m.num END AS "numerator", NULL::DOUBLE AS "denominator",
        CASE WHEN (r."format" IN ($1, $2)) THEN m.num END AS "value",
        r."check_failures"::DOUBLE AS "checkFailures"
      FROM "reports" r
      LEFT JOIN m ON m."report_id" = r."report_id"
      WHERE r."year" = $5 AND r."unit" IN ($6, $7)
      ORDER BY "value" DESC NULLS LAST, r."unit"
      LIMIT $10",
      }
    `);
  });
  it('trends', () => {
    expect(
      trendsSql({ metric: 'rate.disclosure', units: ['甲'], mode: 'yoy', from: 2019 }),
    ).toMatchInlineSnapshot(`
      {
        "params": [
          "2019",
          "2021",
          "granted",
          "partially_granted",
          "total_handled",
          "granted",
          "partially_granted",
          "total_handled",
          "甲",
          2019,
          "甲",
        ],
        "sql": "WITH m AS (
        SELECT "report_id", list_sum([sum(CASE WHEN "row" = $3 THEN "total" END), sum(CASE WHEN "row" = $4 THEN "total" END)])::DOUBLE AS num, list_sum([sum(CASE WHEN "row" = $5 THEN "total" END)])::DOUBLE AS den
        FROM "t3x"
        WHERE "row" IN ($6, $7, $8) AND "unit" IN ($9) AND "year" >= $10
        GROUP BY "report_id"
      ), v AS (
        SELECT r."unit" AS unit, r."year"::INTEGER AS year, r."format" AS format,
          (r."format" IN ($1, $2)) AS comparable, CASE WHEN CASE WHEN (r."format" IN ($1, $2)) THEN m.den END <> 0 THEN CASE WHEN (r."format" IN ($1, $2)) THEN m.num END / CASE WHEN (r."format" IN ($1, $2)) THEN m.den END END AS absolute,
          r."check_failures"::DOUBLE AS check_failures
        FROM "reports" r
        LEFT JOIN m ON m."report_id" = r."report_id"
        WHERE r."unit" IN ($11) AND r."year" >= $10
      )
      SELECT unit AS "unit", year AS "year", format AS "format",
        (CASE WHEN lag(year) OVER w = year - 1 AND lag(format) OVER w = format AND lag(absolute) OVER w <> 0
          THEN 100 * (absolute - lag(absolute) OVER w) / lag(absolute) OVER w END)::DOUBLE AS "value", absolute AS "absolute",
        comparable AS "comparable", check_failures AS "checkFailures",
        coalesce(lag(year) OVER w = year - 1 AND lag(format) OVER w <> format, false) AS "crossesBreak"
      FROM v
      WINDOW w AS (PARTITION BY unit ORDER BY year),
        whole AS (PARTITION BY unit ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
      ORDER BY unit, year",
      }
    `);
  });
  it('outcomes', () => {
    expect(outcomesSql({ units: ['甲'], year: 2021, by: 'row', groups: ['other'] })).toMatchInlineSnapshot(`
      {
        "params": [
          2021,
          "甲",
          "granted",
          "partially_granted",
          "withheld",
          "unable",
          "rejected",
          "other",
          "other",
        ],
        "sql": "WITH base AS (
        SELECT "unit" AS unit, any_value("format") AS format, "row" AS key, "grp" AS grp,
          sum("total")::DOUBLE AS cnt
        FROM "t3x"
        WHERE "year" = $1 AND "unit" IN ($2) AND "grp" IN ($3, $4, $5, $6, $7, $8)
        GROUP BY "unit", "grp", "row"
      ), tot AS (
        SELECT unit, sum(cnt) AS total FROM base GROUP BY unit
      )
      SELECT base.unit AS "unit", base.format AS "format", base.key AS "key",
        base.grp AS "group", base.cnt AS "count",
        CASE WHEN tot.total <> 0 THEN base.cnt / tot.total END AS "share",
        tot.total AS "unitTotal"
      FROM base JOIN tot ON tot.unit = base.unit
      WHERE base."grp" IN ($9)",
      }
    `);
  });
  it('pivot', () => {
    expect(
      pivotSql({
        rows: ['province'],
        cols: ['year'],
        value: 'sum',
        filters: { levels: ['county'] },
        totals: true,
      }),
    ).toMatchInlineSnapshot(`
      {
        "params": [
          "county",
          "total_handled",
          "—",
          "—",
        ],
        "sql": "SELECT coalesce("province", $3) AS "r0", coalesce("year"::VARCHAR, $4) AS "c0", sum("v")::DOUBLE AS "sum", NULL::DOUBLE AS "denominator",
        (grouping("province") > 0) AS "rowTotal", (grouping("year"::VARCHAR) > 0) AS "colTotal"
      FROM (SELECT "province", "year", list_sum(["total"]) AS "v" FROM "t3x" WHERE "level" IN ($1) AND "row" IN ($2)) AS s
      GROUP BY GROUPING SETS (("province", "year"::VARCHAR), ("province"), ("year"::VARCHAR), ())",
      }
    `);
  });
  it('report', () => {
    expect(reportRowSql({ unit: '甲', year: 2021 })).toMatchInlineSnapshot(`
      {
        "params": [
          "甲",
          2021,
        ],
        "sql": "SELECT "report_id", "unit", "unit_kind", "region_code", "region_name", "province", "prefecture", "county", "level", "year"::INTEGER AS "year", "format", "source", "sha256", "parser_version", "check_failures"::INTEGER AS "check_failures" FROM "reports"
      WHERE "unit" = $1
      ORDER BY ("year" = $2) DESC, "year" DESC, "report_id"
      LIMIT 1",
      }
    `);
  });
  it('quality', () => {
    expect(coverageSql({ provinces: ['河南省'], rules: ['table3.row_sum'] })).toMatchInlineSnapshot(`
      {
        "params": [
          "河南省",
          "",
          "table3.row_sum",
          "",
        ],
        "sql": "WITH f AS (
        SELECT r."unit", r."year"::INTEGER AS "year", count(*)::DOUBLE AS n
        FROM "checks" c JOIN "reports" r ON r."report_id" = c."report_id"
        WHERE c."rule" IN ($3)
        GROUP BY ALL
      )
      SELECT v."unit" AS "unit", any_value(v."province") AS "province",
        any_value(v."level") AS "level",
        string_agg(v."year"::VARCHAR || $2 || (coalesce(f.n, 0)::DOUBLE)::BIGINT::VARCHAR || $2 || coalesce(v."report_id", ''),
          $4 ORDER BY v."year") AS "cells"
      FROM "coverage" v
      LEFT JOIN f ON f."unit" = v."unit" AND f."year" = v."year"
      WHERE v."province" IN ($1) AND v."unit" IN (SELECT "unit" FROM f)
      GROUP BY v."unit"
      ORDER BY min(v."ord")",
      }
    `);
  });
  it('unit search', () => {
    expect(unitSearchSql({ text: 'JY', parentCode: '410000' })).toMatchInlineSnapshot(`
      {
        "params": [
          "jy",
          "41",
          50,
        ],
        "sql": "SELECT "unit", "unit_kind" AS "unitKind", "region_code" AS "regionCode",
        "province", "prefecture", "county", "level", "years", "pinyin", "initials"
      FROM "units"
      WHERE (contains(lower("unit"), $1) OR contains("pinyin", $1) OR starts_with("initials", $1) OR contains("initials", $1)) AND starts_with("region_code", $2)
      ORDER BY CASE WHEN starts_with(lower("unit"), $1) OR starts_with("pinyin", $1) OR starts_with("initials", $1) THEN 0 ELSE 1 END, length("unit"), "unit"
      LIMIT $3",
      }
    `);
  });
});

describe('user input', () => {
  it('is bound, never spliced', () => {
    const builders = [
      compareSql({ metric: 't3.granted', year: 2021, units: [HOSTILE], province: HOSTILE }),
      trendsSql({ metric: 't3.granted', units: [HOSTILE], mode: 'absolute' }),
      outcomesSql({ units: [HOSTILE], year: 2021, by: 'group', groups: [HOSTILE] }),
      pivotSql({
        rows: ['unit'],
        cols: [],
        value: 'sum',
        filters: { units: [HOSTILE], provinces: [HOSTILE] },
        totals: true,
      }),
      reportRowSql({ reportId: HOSTILE }),
      coverageSql({ units: [HOSTILE], rules: [HOSTILE] }),
      unitSearchSql({ text: HOSTILE, province: HOSTILE }),
    ];
    for (const q of builders) {
      expect(q.sql).not.toContain('DROP');
      // unit search lower-cases its text before binding it
      expect(q.params.some((p) => p === HOSTILE || p === HOSTILE.toLowerCase())).toBe(true);
    }
  });

  it('rejects identifiers outside the whitelist and unknown metrics, dims, applicants', () => {
    expect(() => id('reports; DROP' as never)).toThrow('identifier not in the schema whitelist');
    expect(id('table')).toBe('"table"');
    expect(() => compareSql({ metric: HOSTILE, year: 2021, units: [] })).toThrow(
      `unknown metric: ${HOSTILE}`,
    );
    expect(() =>
      pivotSql({ rows: [HOSTILE as never], cols: [], value: 'sum', filters: {}, totals: true }),
    ).toThrow('invalid pivot dimension');
    expect(() => outcomesSql({ units: [], year: 1, by: 'group', applicant: HOSTILE as never })).toThrow(
      'invalid applicant',
    );
    expect(() => trendsSql({ metric: 't3.granted', units: ['a'], mode: HOSTILE as never })).toThrow(
      'invalid trend mode',
    );
  });

  it('an empty list matches nothing rather than producing invalid SQL', () => {
    expect(
      pivotSql({ rows: [], cols: [], value: 'sum', filters: { units: [] }, totals: false }).sql,
    ).toContain('FALSE');
  });
});

describe('regionPrefix', () => {
  it('strips the zero padding of lower levels', () => {
    expect([regionPrefix('410000'), regionPrefix('419000'), regionPrefix('419001')]).toEqual([
      '41',
      '4190',
      '419001',
    ]);
  });
});

describe('queryKeys', () => {
  it('normalises unit order, duplicates and defaults', () => {
    expect(queryKeys.compare({ metric: 'm', year: 2021, units: ['b', 'a', 'b'] })).toEqual(
      queryKeys.compare({ metric: 'm', year: 2021, units: ['a', 'b'], order: 'desc', limit: 50 }),
    );
    expect(queryKeys.compare({ metric: 'm', year: 2021, units: ['a'] })).not.toEqual(
      queryKeys.compare({ metric: 'm', year: 2022, units: ['a'] }),
    );
    // Pivot dims are ordered: swapping them is a different question.
    const p = { measure: { kind: 'sum' } as const, filters: { years: [2022, 2021] } };
    expect(queryKeys.pivot({ ...p, rows: ['unit', 'year'], cols: [] })).not.toEqual(
      queryKeys.pivot({ ...p, rows: ['year', 'unit'], cols: [] }),
    );
    expect(queryKeys.pivot({ ...p, rows: ['unit'], cols: [] })).toEqual(
      queryKeys.pivot({
        rows: ['unit'],
        cols: [],
        measure: { kind: 'sum' },
        filters: { years: [2021, 2022] },
      }),
    );
  });
});
