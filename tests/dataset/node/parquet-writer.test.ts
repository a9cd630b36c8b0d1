import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../../src/dataset/node/parquet-writer';
import { toRegionRows } from '../../../src/dataset/region-rows';
import { toCellRows, toCheckRows, toReportRow } from '../../../src/dataset/report-rows';
import { CELL_SOURCE, CELL_SOURCE_COLUMNS } from '../../../src/domain/vocab';
import { handReport } from '../fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parquet-writer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe(writeDataset, () => {
  it('writes the four files with the contract types and reads them back unchanged', async () => {
    const a = handReport();
    const b = handReport({ unit: '五常市民意乡', year: 2021, format: '2021', checks: [] });
    const meta = {
      unitKind: 'government' as const,
      identity: { unitId: '0123456789abcdef', parentUnitId: null },
      placement: null,
      source: 's',
      parserVersion: 'v',
    };
    const reports = [toReportRow(b, meta), toReportRow(a, meta)];
    const cells = [...toCellRows(b), ...toCellRows(a)];
    const checks = [...toCheckRows(a)];
    const regions = toRegionRows([
      { code: '419001', name: '济源市', level: 'prefecture', parent_code: '410000' },
    ]);

    const written = await writeDataset(dir, { reports, cells, checks, regions });
    expect(written.cells.rows).toBe(cells.length);

    const types = await query(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${path.join(dir, 'cells.parquet')}')`,
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual({
      report_id: 'VARCHAR',
      table: 'VARCHAR',
      row: 'VARCHAR',
      col: 'VARCHAR',
      value: 'DOUBLE',
      raw: 'VARCHAR',
      // The optional provenance columns (null here: the hand-made reports were printed nowhere).
      ...Object.fromEntries(
        CELL_SOURCE_COLUMNS.map((c) => [c, CELL_SOURCE[c] === 'int' ? 'INTEGER' : 'DOUBLE']),
      ),
    });
    const reportTypes = await query(
      `DESCRIBE SELECT year, check_failures FROM '${path.join(dir, 'reports.parquet')}'`,
    );
    expect(reportTypes.map((t) => t.column_type)).toEqual(['INTEGER', 'INTEGER']);

    const back = await query(`SELECT * FROM '${path.join(dir, 'cells.parquet')}'`);
    const sorted = [...cells].sort((x, y) =>
      x.report_id < y.report_id ? -1 : x.report_id > y.report_id ? 1 : 0,
    );
    const none = Object.fromEntries(CELL_SOURCE_COLUMNS.map((c) => [c, null]));
    expect(back).toEqual(sorted.map((c) => ({ ...c, ...none })));
    expect(back.find((c) => c.col === 'research')).toMatchObject({ value: null, raw: '' });
    expect(back.find((c) => c.col === 'commercial' && c.row === 'new_received')).toMatchObject({
      value: 0,
      raw: null,
    });

    const backReports = await query(`SELECT * FROM '${path.join(dir, 'reports.parquet')}'`);
    expect(backReports.map((r) => r.report_id)).toEqual(reports.map((r) => r.report_id).sort());
    expect(await query(`SELECT * FROM '${path.join(dir, 'checks.parquet')}'`)).toEqual(checks);
    expect(await query(`SELECT * FROM '${path.join(dir, 'regions.parquet')}'`)).toEqual(regions);
  });

  it('rejects a non-number in a numeric column instead of writing garbage', async () => {
    const bad = {
      ...toReportRow(handReport(), {
        unitKind: 'other',
        identity: { unitId: 'x', parentUnitId: null },
        placement: null,
        source: 's',
        parserVersion: 'v',
      }),
    };
    (bad as { year: unknown }).year = 'twenty';
    await expect(
      writeDataset(path.join(dir, 'bad'), { reports: [bad], cells: [], checks: [], regions: [] }),
    ).rejects.toThrow('invalid year: twenty');
  });
});
