import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../cli/lib/ingest-run';
import { DERIVED_META, readDerivedMeta } from '../../src/dataset/derived';
import { PARQUET_FILES } from '../../src/dataset/rows';
import { PRECOMPUTED } from '../../src/sql/derived';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/data');
const bundled = existsSync(path.join(dataDir, 'manifest.json'));
if (!bundled) console.warn(`[tests/dataset] no bundled dataset in ${dataDir}: run npm run data:bundle`);

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

const file = (name: keyof typeof PARQUET_FILES) => `'${path.join(dataDir, PARQUET_FILES[name])}'`;

describe.skipIf(!bundled)('public/data (npm run data:bundle)', () => {
  it('holds exactly the manifest’s kept reports, each with its cells', async () => {
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
    const reports = await query(`SELECT report_id FROM ${file('reports')}`);
    const ids = new Set(reports.map((r) => r.report_id));
    const listed = manifest.reports.filter((r) => r.in_dataset);
    expect(new Set(listed.map((r) => r.report_id))).toEqual(ids);
    expect(listed.every((r) => r.status === 'parsed' || r.status === 'flagged')).toBe(true);
    const orphans = await query(
      `SELECT count(*)::INTEGER n FROM ${file('cells')} WHERE report_id NOT IN (SELECT report_id FROM ${file('reports')})`,
    );
    expect(orphans[0]?.n).toBe(0);
  });

  it('keeps figures, not report text: every raw cell is short', async () => {
    const [row] = await query(`SELECT coalesce(max(length(raw)), 0)::INTEGER longest FROM ${file('cells')}`);
    expect(row?.longest).toBeLessThanOrEqual(40);
  });

  it('places every region code in regions.parquet', async () => {
    const missing = await query(
      `SELECT region_code FROM ${file('reports')} WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT code FROM ${file('regions')})`,
    );
    expect(missing).toEqual([]);
  });

  it('ships derived/ built from exactly these files, so the dashboard need not decode cells', () => {
    const meta = readDerivedMeta(
      JSON.parse(readFileSync(path.join(dataDir, DERIVED_META), 'utf8')),
      PRECOMPUTED,
    );
    expect(meta).not.toBeNull();
    for (const name of [PARQUET_FILES.reports, PARQUET_FILES.cells]) {
      const sha = createHash('sha256')
        .update(readFileSync(path.join(dataDir, name)))
        .digest('hex');
      expect(meta?.sources[name], `${name}: run npm run data:bundle`).toBe(sha);
    }
  });
});
