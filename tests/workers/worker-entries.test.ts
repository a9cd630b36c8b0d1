/**
 * Every module worker of the app locks its network first (src/workers/lock-this-worker.ts): ES
 * modules run in import order, so its first import is the lock. The e2e probes the workers alive
 * at one moment (tests/reliability/hostile.e2e.ts); this covers the short-lived ones too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function workerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return workerFiles(full);
    return /(^|\.)worker\.ts$/.test(e.name) ? [full] : [];
  });
}

describe('worker entry modules', () => {
  const files = workerFiles(src);

  it('are found (the import, source, Parquet and unit-search workers)', () => {
    const names = files.map((f) => path.relative(src, f)).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'db/parquet.worker.ts',
        'db/unit-search.worker.ts',
        'import/source.worker.ts',
        'import/worker.ts',
      ]),
    );
  });

  it.each(files.map((f) => [path.relative(src, f), f]))(
    '%s imports the network lock first',
    (_name, file) => {
      const first = readFileSync(file, 'utf8').match(/^import\s[^;]*;/m)?.[0];
      expect(first).toMatch(/^import '(\.\.\/)+workers\/lock-this-worker';$/);
    },
  );
});
