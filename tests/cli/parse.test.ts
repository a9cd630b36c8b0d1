import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, reportsDir, runCli } from './run-cli';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'cli-parse-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('cli parse', () => {
  it.skipIf(!hasCorpus)('prints exactly the contract shape with --json, region resolved', async () => {
    const file = path.join(reportsDir, '济源市_2019.txt');
    const run = runCli(['parse', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      'unit',
      'year',
      'format',
      'region',
      'table3',
      'table4',
      'table2',
      'raw',
      'checks',
      'source',
    ]);
    expect(json).toMatchObject({ unit: '济源市人民政府', year: 2019, format: '2019' });
    expect(json.region).toEqual({ code: '419001', name: '济源市', level: 'prefecture' });
    expect(json.table3.new_received.total).toBe(96);
    const sha = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(json.source).toEqual({ file: '济源市_2019.txt', sha256: sha, reader: 'text' });
    for (const row of Object.values(json.table3) as Record<string, unknown>[])
      for (const v of Object.values(row)) expect(v === null || typeof v === 'number').toBe(true);
  });

  it.skipIf(!hasCorpus)('prints a readable summary without --json', () => {
    const run = runCli(['parse', path.join(reportsDir, '济源市_2019.txt')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/unit\s+济源市人民政府/);
    expect(run.stdout).toMatch(/region\s+河南省 › 济源市 \(419001, prefecture\)/);
    expect(run.stdout).toMatch(/checks\s+/);
  });

  it.each([
    ['empty.txt', new Uint8Array()],
    ['binary.pdf', Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256)],
    ['prose.txt', new TextEncoder().encode('这是一份与政府信息公开无关的文本。\n第二行。\n')],
  ])('exits non-zero with one line and no stack for a non-report (%s)', async (name, bytes) => {
    const file = path.join(tmp, name);
    await writeFile(file, bytes);
    const run = runCli(['parse', file, '--json']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!hasCorpus)('refuses a pre-2019 report and a title-only page with their own reasons', () => {
    const old = runCli(['parse', path.join(reportsDir, '平潭综合实验区公安局_2018.txt'), '--json']);
    expect(old.code).not.toBe(0);
    expect(old.stdout).toBe('');
    expect(old.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(old.stderr).toMatch(
      /平潭综合实验区公安局_2018\.txt.*pre-2019 statistics, not the national format/,
    );
    const title = runCli(['parse', path.join(reportsDir, '../bulk/平潭综合实验区公安局_2020.txt')]);
    expect(title.code).not.toBe(0);
    expect(title.stderr).toMatch(/公安局_2020\.txt.*only a title, no text and no tables/);
  });

  it('names a missing file in one line', () => {
    const run = runCli(['parse', path.join(tmp, 'nope.txt')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`${path.join(tmp, 'nope.txt')}: cannot read: no such file or directory\n`);
  });

  it('rejects an unknown option by name', () => {
    const run = runCli(['parse', '--jsn', 'x.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jsn/);
  });
});
