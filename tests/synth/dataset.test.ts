import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCellRows } from '../../src/dataset/report-rows';
import { PARQUET_FILES } from '../../src/dataset/rows';
import { CELL_COLUMNS, CHECK_COLUMNS, REGION_COLUMNS, REPORT_COLUMNS } from '../../src/dataset/schema';
import { loadRegionEntries } from '../../src/region/node/region-data';
import type { RegionEntry } from '../../src/region/types';
import { checkSeries } from '../../src/synth/checks';
import { type GenerateResult, generateDataset } from '../../src/synth/node/generate';
import { generateUnitSeries } from '../../src/synth/series';
import { buildUnits } from '../../src/synth/units';

const YEARS = [2019, 2020, 2021, 2022];
const OPTIONS = { seed: 11, years: YEARS, faultRate: 0.1, provinceLimit: 2, check: checkSeries };
let entries: RegionEntry[];
let root: string;
let result: GenerateResult;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  entries = await loadRegionEntries({ towns: false });
  root = await mkdtemp(path.join(tmpdir(), 'synth-'));
  result = await generateDataset(path.join(root, 'a'), entries, OPTIONS);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const file = (name: keyof typeof PARQUET_FILES, dir = 'a') =>
  `'${path.join(root, dir, PARQUET_FILES[name])}'`;

describe(generateDataset, () => {
  it('writes the contract columns with the contract types', async () => {
    for (const [name, columns] of [
      ['reports', REPORT_COLUMNS],
      ['cells', CELL_COLUMNS],
      ['checks', CHECK_COLUMNS],
      ['regions', REGION_COLUMNS],
    ] as const) {
      const described = await query(`DESCRIBE SELECT * FROM ${file(name)}`);
      // Generated cells have no provenance: the optional src_ columns are left out.
      const written = columns.filter(([c]) => !c.startsWith('src_'));
      expect(described.map((c) => [c.column_name, c.column_type])).toEqual(written.map(([c, t]) => [c, t]));
    }
  });

  it('counts what it wrote and marks every report synthetic', async () => {
    const [counts] = await query(
      `SELECT (SELECT count(*) FROM ${file('reports')}) AS reports, (SELECT count(*) FROM ${file('cells')}) AS cells,
              (SELECT count(*) FROM ${file('checks')}) AS checks, (SELECT count(*) FROM ${file('regions')}) AS regions,
              (SELECT count(*) FROM ${file('reports')} WHERE source <> 'synthetic') AS not_synthetic,
              (SELECT count(DISTINCT report_id) FROM ${file('reports')}) AS ids`,
    );
    expect(Number(counts!.reports)).toBe(result.units * YEARS.length);
    expect(Number(counts!.ids)).toBe(Number(counts!.reports));
    expect(Number(counts!.cells)).toBe(result.files.cells.rows);
    expect(Number(counts!.checks)).toBe(result.files.checks.rows);
    expect(Number(counts!.regions)).toBe(result.units);
    expect(Number(counts!.not_synthetic)).toBe(0);
    expect(result.missedFaults).toBe(0);
    expect(result.falseAlarms).toBe(0);
  });

  it('keeps check_failures equal to the report\u2019s checks rows, and faults near the requested share', async () => {
    const rows = await query(
      `SELECT r.check_failures, count(c.rule) AS n FROM ${file('reports')} r LEFT JOIN ${file('checks')} c USING (report_id)
       GROUP BY r.report_id, r.check_failures`,
    );
    expect(rows.every((r) => Number(r.check_failures) === Number(r.n))).toBe(true);
    const flagged = rows.filter((r) => Number(r.n) > 0).length;
    const injected = Object.values(result.faults).reduce((s, n) => s + n, 0);
    expect(flagged).toBe(injected);
    expect(injected / rows.length).toBeGreaterThan(0.05);
    expect(injected / rows.length).toBeLessThan(0.15);
  });

  it('stores each report\u2019s cells as the dataset\u2019s own toCellRows would', async () => {
    const units = buildUnits(entries, OPTIONS.provinceLimit);
    const unit = units[units.length - 1]!;
    const series = generateUnitSeries(unit, OPTIONS);
    const ids = await query(
      `SELECT report_id, year FROM ${file('reports')} WHERE region_code = '${unit.code}' ORDER BY year`,
    );
    expect(ids).toHaveLength(YEARS.length);
    for (const [i, { report }] of series.entries()) {
      const id = String(ids[i]!.report_id);
      const stored = await query(
        `SELECT report_id, "table", "row", col, value, raw FROM ${file('cells')} WHERE report_id = '${id}'`,
      );
      expect(stored).toEqual(toCellRows(report, id));
    }
  });

  it('keeps blanks and "/" as null values with the printed text', async () => {
    const [nulls] = await query(
      `SELECT count(*) FILTER (WHERE value IS NULL) AS nulls,
              count(*) FILTER (WHERE value IS NULL AND raw IS NULL) AS lost,
              count(*) FILTER (WHERE value IS NOT NULL AND raw IS NOT NULL) AS annotated,
              count(*) AS total
       FROM ${file('cells')}`,
    );
    expect(Number(nulls!.nulls)).toBeGreaterThan(0);
    expect(Number(nulls!.nulls) / Number(nulls!.total)).toBeLessThan(0.02);
    expect(Number(nulls!.lost)).toBe(0);
    expect(Number(nulls!.annotated)).toBe(0);
  });

  it('writes the same bytes for the same arguments, other bytes for another seed', async () => {
    await generateDataset(path.join(root, 'b'), entries, OPTIONS);
    await generateDataset(path.join(root, 'c'), entries, { ...OPTIONS, seed: 12 });
    for (const name of Object.values(PARQUET_FILES)) {
      const a = await readFile(path.join(root, 'a', name));
      const b = await readFile(path.join(root, 'b', name));
      expect(a.equals(b), name).toBe(true);
    }
    const a = await readFile(path.join(root, 'a', PARQUET_FILES.cells));
    const c = await readFile(path.join(root, 'c', PARQUET_FILES.cells));
    expect(a.equals(c)).toBe(false);
  });
});
