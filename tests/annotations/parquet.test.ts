import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { correctionsIpc } from '../../src/annotations/parquet';
import { nodeCodec } from '../db/harness';

describe('corrections.parquet', () => {
  it('holds the contract columns, printed null when the cell was not a number', async () => {
    const bytes = await nodeCodec.encode(
      correctionsIpc([
        {
          reportId: 'r1',
          table: 'table3',
          row: 'granted',
          col: 'total',
          printed: null,
          corrected: 4,
          reason: '空白应为 4',
          date: '2026-12-06T10:00:00.000Z',
        },
      ]),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'prov-')), 'corrections.parquet');
    writeFileSync(file, bytes);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const r = await c.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
    expect(r.columnNames()).toEqual([
      'report_id',
      'table',
      'row',
      'col',
      'printed',
      'corrected',
      'reason',
      'date',
    ]);
    expect(r.getRowObjectsJson()).toEqual([
      {
        report_id: 'r1',
        table: 'table3',
        row: 'granted',
        col: 'total',
        printed: null,
        corrected: 4,
        reason: '空白应为 4',
        date: '2026-12-06T10:00:00.000Z',
      },
    ]);
    c.closeSync();
  });
});
