/**
 * Independent answers for the e2e assertions, read straight from the bundled Parquet files with
 * @duckdb/node-api (not through the app's SQL builder), so a wrong query in the app shows up.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { type UnitInfo, unitLabels } from '../../src/domain/units/labels';

export const DATA_DIR = 'public/data';

/** Names the URL codec accepts (src/state/url/parsers.ts NAME_PATTERN), as a DuckDB regex. */
const NAME_RE = "'^[\\p{Han}A-Za-z0-9（）()·・\\-—_.、 ]{1,64}$'";

export async function openData(dir = DATA_DIR) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  for (const t of ['reports', 'cells', 'checks']) {
    await c.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${dir}/${t}.parquet')`);
  }
  const rows = async <T>(sql: string): Promise<T[]> =>
    (await c.runAndReadAll(sql)).getRowObjectsJson() as T[];
  return { rows, close: () => c.closeSync() };
}

export type Data = Awaited<ReturnType<typeof openData>>;

/** table3 `row` × total of the reports of one year: [{unit, unit_id, value}], value not null. */
export async function table3ByUnit(d: Data, row: string, year: number) {
  return d.rows<{ unit: string; unit_id: string; value: number; report_id: string }>(`
    SELECT r.unit, r.unit_id, c.value, r.report_id FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.row = '${row}' AND c.col = 'total' AND c.value IS NOT NULL
      AND r.year = ${year} AND regexp_matches(r.unit, ${NAME_RE})
    ORDER BY c.value DESC, r.unit, r.unit_id`);
}

/**
 * Every unit's label as the app must show it: the directory read here with its own SQL, labelled
 * by the one label function (src/domain/units/labels.ts), which is the definition under test.
 */
export async function unitLabelsOf(d: Data): Promise<Map<string, string>> {
  const units = await d.rows<UnitInfo>(`
    SELECT unit_id AS "unitId", arg_max(unit, year) AS unit, any_value(unit_kind) AS kind,
      any_value(parent_unit_id) AS "parentUnitId", any_value(region_code) AS "regionCode",
      any_value(region_name) AS "regionName", any_value(province) AS province,
      any_value(prefecture) AS prefecture, any_value(county) AS county, any_value(level) AS level
    FROM reports GROUP BY unit_id`);
  return new Map([...unitLabels(units)].map(([id, l]) => [id, l.label]));
}

/** The year with the most reports printing new_received. */
export async function busiestYear(d: Data): Promise<number> {
  const [r] = await d.rows<{ year: number }>(`
    SELECT r.year FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.row = 'new_received' AND c.col = 'total' AND c.value IS NOT NULL
      AND regexp_matches(r.unit, ${NAME_RE})
    GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`);
  if (!r) throw new Error('no report prints table3.new_received.total');
  return Number(r.year);
}

/** A unit with the most years of new_received, and its values by year. */
export async function longestSeries(d: Data) {
  const [u] = await d.rows<{ unit_id: string }>(`
    SELECT r.unit_id FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.row = 'new_received' AND c.col = 'total' AND c.value IS NOT NULL
      AND regexp_matches(r.unit, ${NAME_RE})
    GROUP BY 1 ORDER BY count(DISTINCT r.year) DESC, 1 LIMIT 1`);
  if (!u) throw new Error('no series');
  const points = await d.rows<{ year: number; value: number }>(`
    SELECT r.year, c.value FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.row = 'new_received' AND c.col = 'total' AND r.unit_id = '${u.unit_id.replace(/'/g, "''")}'
    ORDER BY 1`);
  return { unitId: u.unit_id, points: points.map((p) => ({ year: Number(p.year), value: Number(p.value) })) };
}

export async function grandTotalHandled(d: Data): Promise<number> {
  const [r] = await d.rows<{ s: number }>(`
    SELECT sum(c.value) AS s FROM cells c WHERE c."table" = 'table3' AND c.row = 'total_handled' AND c.col = 'total'`);
  return Number(r?.s ?? 0);
}

export async function checksCount(d: Data): Promise<number> {
  const [r] = await d.rows<{ n: number }>('SELECT count(*) AS n FROM checks');
  return Number(r?.n ?? 0);
}

/** A report with a failed check on a table-三 cell, else any report with table 三. */
export async function reportWithCells(d: Data) {
  const [r] = await d.rows<{ report_id: string; unit: string; year: number; sha256: string; value: number }>(`
    SELECT r.report_id, r.unit, r.year, r.sha256, c.value FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.row = 'new_received' AND c.col = 'total' AND c.value IS NOT NULL
    ORDER BY r.check_failures DESC, r.report_id LIMIT 1`);
  if (!r) throw new Error('no report with table 三');
  return { ...r, year: Number(r.year), value: Number(r.value) };
}
