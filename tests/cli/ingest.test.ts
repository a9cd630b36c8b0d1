import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../cli/lib/ingest-run';
import { hasCorpus, reportsDir, runCli } from './run-cli';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'cli-ingest-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function rows(file: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(`SELECT * FROM '${file}'`)).getRowObjectsJS() as Record<
      string,
      unknown
    >[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe.skipIf(!hasCorpus)('cli ingest', () => {
  it('parses a folder with a bad file, keeps the original of a duplicate, keeps the blank template out', async () => {
    const input = path.join(tmp, 'in');
    await mkdir(path.join(input, 'nested'), { recursive: true });
    await copyFile(path.join(reportsDir, '济源市_2019.txt'), path.join(input, '济源市_2019.txt'));
    await copyFile(
      path.join(reportsDir, '平潭综合实验区_2021.html'),
      path.join(input, 'nested', '平潭综合实验区_2021.html'),
    );
    await copyFile(
      path.join(reportsDir, '平潭综合实验区_2021.txt'),
      path.join(input, '平潭综合实验区_2021.txt'),
    );
    await copyFile(
      path.join(reportsDir, 'blank_template_2021.docx'),
      path.join(input, 'blank_template_2021.docx'),
    );
    await writeFile(path.join(input, 'broken.txt'), Uint8Array.from([0, 159, 146, 150, 0, 0, 255]));
    const out = path.join(tmp, 'out');

    const run = runCli(['ingest', '--out', out, input]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/failed:\n {2}broken\.txt: /);

    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const byFile = new Map(manifest.reports.map((r) => [r.file, r]));
    expect(byFile.get('broken.txt')).toMatchObject({ status: 'failed', report_id: null });
    expect(byFile.get('broken.txt')?.reason).toBeTruthy();
    const html = byFile.get('nested/平潭综合实验区_2021.html');
    expect(html?.status).not.toBe('duplicate');
    expect(byFile.get('平潭综合实验区_2021.txt')).toMatchObject({
      status: 'duplicate',
      duplicate_of: html?.report_id,
    });
    expect(byFile.get('blank_template_2021.docx')?.status).toMatch(/^(flagged|failed)$/);
    expect(byFile.get('济源市_2019.txt')).toMatchObject({ region_code: '419001', unit: '济源市人民政府' });

    const reports = await rows(path.join(out, 'reports.parquet'));
    expect(reports.map((r) => r.unit).sort()).toEqual(['平潭综合实验区', '济源市人民政府']);
    const cells = await rows(path.join(out, 'cells.parquet'));
    expect(new Set(cells.map((c) => c.report_id))).toEqual(new Set(reports.map((r) => r.report_id)));
    const regions = await rows(path.join(out, 'regions.parquet'));
    expect(regions.length).toBeGreaterThan(3000);
    expect(regions.find((r) => r.code === '419001')).toMatchObject({
      name: '济源市',
      pinyin: 'jiyuanshi|jys',
    });
    expect(regions.some((r) => r.level === 'township')).toBe(false);
  });

  it('lists a pre-2019 report as failed with its reason, and notes a split decided by a neighbouring year', async () => {
    const input = path.join(tmp, 'years');
    await mkdir(input, { recursive: true });
    const bulk = path.join(reportsDir, '../bulk');
    await copyFile(
      path.join(reportsDir, '平潭综合实验区公安局_2018.txt'),
      path.join(input, '平潭综合实验区公安局_2018.txt'),
    );
    // 2021 prints "6045" (6|0|45 or 60|4|5); 2022 prints 6 issued, 0 repealed, "51" in force.
    for (const [dir, f] of [
      [reportsDir, '平潭综合实验区市场监督管理局_2021.txt'],
      [bulk, '平潭综合实验区市场监督管理局_2022.txt'],
    ] as const)
      await copyFile(path.join(dir, f), path.join(input, f));
    const out = path.join(tmp, 'out-years');
    const run = runCli(['ingest', '--out', out, input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/table 二 splits decided on evidence: 2 /);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const byFile = new Map(manifest.reports.map((r) => [r.file, r]));
    expect(byFile.get('平潭综合实验区公安局_2018.txt')).toMatchObject({
      status: 'failed',
      in_dataset: false,
    });
    expect(byFile.get('平潭综合实验区公安局_2018.txt')?.reason).toMatch(/pre-2019 statistics/);
    const y2021 = byFile.get('平潭综合实验区市场监督管理局_2021.txt')!;
    expect(y2021.notes).toEqual([
      expect.objectContaining({ rule: 'table2.split_resolved', where: 'table2.normative_documents' }),
    ]);
    expect(y2021.reason ?? '').not.toMatch(/ambiguous_split/);
    const cells = await rows(path.join(out, 'cells.parquet'));
    const docs = cells.filter(
      (c) => c.report_id === y2021.report_id && c.table === 'table2' && c.row === 'normative_documents',
    );
    expect(Object.fromEntries(docs.map((c) => [c.col, c.value]))).toEqual({
      issued: 6,
      repealed: 0,
      in_force: 45,
    });
    const checks = await rows(path.join(out, 'checks.parquet'));
    expect(checks.filter((c) => c.report_id === y2021.report_id && c.rule === 'ambiguous_split')).toEqual([]);
  });

  it('exits non-zero when an input cannot be read, and still writes the rest', async () => {
    const out = path.join(tmp, 'out2');
    const missing = path.join(tmp, 'missing.txt');
    const run = runCli(['ingest', '--out', out, missing, path.join(reportsDir, '济源市_2019.txt')]);
    expect(run.code).toBe(3);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(missing);
    const reports = await rows(path.join(out, 'reports.parquet'));
    expect(reports.map((r) => r.unit)).toEqual(['济源市人民政府']);
  });
});
