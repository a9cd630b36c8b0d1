import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../cli/commands/synth';
import { CliError, EXIT } from '../../cli/errors';
import { PARQUET_FILES } from '../../src/dataset/rows';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'synth-cli-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('synth command', () => {
  it('refuses bad options with a usage error naming the option', async () => {
    await expect(run(['--years', '2019-2025'])).rejects.toThrow('missing --out DIR');
    const bad = run(['--out', root, '--faults', '150']);
    await expect(bad).rejects.toBeInstanceOf(CliError);
    await expect(bad).rejects.toMatchObject({
      exitCode: EXIT.usage,
      message: expect.stringContaining('invalid --faults: 150'),
    });
    await expect(run(['--out', root, '--bogus'])).rejects.toMatchObject({ exitCode: EXIT.usage });
  });

  it('writes the four files and a summary', async () => {
    const out = path.join(root, 'one');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await run(['--out', out, '--years', '2021-2022', '--provinces', '1', '--seed', '3', '--quiet']);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toMatch(/wrote .*: \d+ units × 2 years \(seed 3\)/);
      expect(printed).toMatch(/cells\.parquet: \d+ rows/);
    } finally {
      write.mockRestore();
    }
    for (const name of Object.values(PARQUET_FILES))
      expect(existsSync(path.join(out, name)), name).toBe(true);
  });
});
