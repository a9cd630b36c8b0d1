/**
 * The browser import pipeline under Node: corpus reports (UTF-8 and a GBK copy), contract
 * Parquet and CSV, and every bad file class, then merged into the DuckDB-WASM engine.
 */
import { openAsBlob, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellRow } from '../../src/dataset/rows';
import { processBlob, processFile } from '../../src/import/process';
import type { AcceptedFile, FileResult } from '../../src/import/types';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';
import { hasCorpus, reportsDir } from '../reliability/corpus';
import { encodeGbk } from '../reliability/gbk';
import { type BadFile, makeBadFiles, parquetOf } from './bad-inputs';
import { nodeDeps } from './node-deps';

const REPORT = '济源市_2019.txt';

function accepted(r: FileResult): AcceptedFile {
  if (!r.ok) throw new Error(`${r.file}: ${r.reason}`);
  return r;
}

async function cellsOf(r: AcceptedFile): Promise<Omit<CellRow, 'report_id'>[]> {
  const pq = await import('parquet-wasm/node');
  const { tableFromIPC } = await import('apache-arrow');
  const t = tableFromIPC(pq.readParquet(r.tables.cells!).intoIPCStream());
  return t.toArray().map((row) => {
    const { report_id: _, ...rest } = row.toJSON() as unknown as CellRow;
    return rest;
  });
}

describe.skipIf(!hasCorpus)(processFile, () => {
  it('parses a corpus report into contract rows marked imported, with its region', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(reportsDir, REPORT)));
    const r = accepted(await processFile(REPORT, bytes, nodeDeps));
    expect(r.kind).toBe('report');
    expect(r.source).toBe(`imported:${REPORT}`);
    if (r.kind !== 'report') return;
    expect(r.preview).toMatchObject({ unit: expect.stringContaining('济源'), year: 2019, format: '2019' });
    expect(r.preview.region).toMatch(/济源市/);
    expect(r.preview.cells).toBeGreaterThan(100);
    expect(Object.keys(r.tables).sort()).toEqual(['cells', 'checks', 'regions', 'reports']);
  });

  it('refuses a pre-2019 report with the reason the CLI gives (the same parser)', async () => {
    const name = '平潭综合实验区公安局_2018.txt';
    const r = await processFile(name, new Uint8Array(readFileSync(path.join(reportsDir, name))), nodeDeps);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/pre-2019 statistics, not the national format/);
  });

  it('gives a GBK-encoded copy the same figures as the UTF-8 file', async () => {
    const utf8 = readFileSync(path.join(reportsDir, REPORT));
    const gbk = encodeGbk(utf8.toString('utf8'));
    expect(gbk.unencodable).toBe(0);
    const a = accepted(await processFile(REPORT, new Uint8Array(utf8), nodeDeps));
    const b = accepted(await processFile(`gbk_${REPORT}`, gbk.bytes, nodeDeps));
    expect(b.preview).toEqual(a.preview);
    expect(await cellsOf(b)).toEqual(await cellsOf(a));
  });
});

describe('processFile on bad input', () => {
  const { dir, files } = makeBadFiles();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(files.map((f) => [f.label, f] as [string, BadFile]))(
    '%s: a message naming the file and the problem',
    async (_l, f) => {
      const r = await processFile(f.name, new Uint8Array(readFileSync(f.path)), nodeDeps);
      if (f.label.includes('cut off')) {
        // A truncated report is still a report: it is offered with its incomplete check shown.
        const ok = accepted(r);
        expect(ok.kind === 'report' && ok.preview.checks.map((c) => c.rule)).toContain('incomplete');
        return;
      }
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.file).toBe(f.name);
      expect(r.reason.toLowerCase()).toMatch(f.expect);
    },
  );

  it('refuses a 100 MB file by its size without reading it', async () => {
    const big = makeBadFiles({ big: true });
    try {
      const huge = big.files.find((f) => f.name === 'huge.txt')!;
      const before = process.memoryUsage().arrayBuffers;
      const r = await processBlob(huge.name, await openAsBlob(huge.path), nodeDeps);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
      expect(r).toEqual({
        ok: false,
        file: 'huge.txt',
        reason: expect.stringMatching(/too large.*100\.0 MB.*not read/),
        refusal: expect.objectContaining({ code: 'tooLarge' }),
      });
    } finally {
      rmSync(big.dir, { recursive: true, force: true });
    }
  });

  it('reads contract CSV and refuses CSV with a wrong header or a bad number, naming the line', async () => {
    const csv =
      '\ufeffreport_id,table,row,col,value,raw\nr1,table3,granted,total,5,\nr1,table3,granted,natural_person,,"/"\n';
    const ok = accepted(await processFile('cells.csv', new TextEncoder().encode(csv), nodeDeps));
    expect(ok.preview).toEqual({ table: 'cells', rows: 2, reports: 1 });
    const wrong = await processFile('x.csv', new TextEncoder().encode('a,b\n1,2\n'), nodeDeps);
    expect(wrong).toMatchObject({ ok: false, reason: expect.stringContaining('matches no table') });
    const bad = await processFile(
      'cells.csv',
      new TextEncoder().encode(csv.replace(',5,', ',five,')),
      nodeDeps,
    );
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('line 2, value') });
  });
});

describe.skipIf(!hasCorpus)('imports merged into the engine', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  const count = async () =>
    (await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM reports', params: [] }))[0]!.n;

  it('adds an imported report to every table, marked imported, and leaves loaded data alone on bad files', async () => {
    const before = await count();
    const bytes = new Uint8Array(readFileSync(path.join(reportsDir, REPORT)));
    const r = accepted(await processFile(REPORT, bytes, nodeDeps));
    for (const [table, b] of Object.entries(r.tables))
      await db.engine.addFile({ table: table as never, name: `${REPORT}/${table}`, bytes: b });
    await db.engine.buildDerived();
    expect(await count()).toBe(before + 1);
    const [row] = await db.query<{ source: string; n: number }>({
      sql: 'SELECT r.source, (SELECT count(*) FROM cells c WHERE c.report_id = r.report_id) AS n FROM reports r WHERE report_id = $1',
      params: [r.reportIds[0]!],
    });
    expect(row).toEqual({ source: `imported:${REPORT}`, n: r.kind === 'report' ? r.preview.cells : -1 });

    const wrong = parquetOf('checks', [
      { report_id: 'x', rule: 'r', location: 'l', expected: 1, actual: 2, message: 'm' },
    ]);
    await expect(
      db.engine.addFile({ table: 'reports', name: 'wrong.parquet', bytes: wrong }),
    ).rejects.toThrow(/wrong\.parquet.*schema/);
    expect(await count()).toBe(before + 1);
  });
});
