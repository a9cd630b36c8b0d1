/**
 * One apache-arrow for the app and duckdb-wasm (issue 12). duckdb-wasm's main-thread module
 * imports `apache-arrow`; when our range and its range differ, npm nests a second copy under it and
 * the browser loads both (86 → 46 KB gzip of Arrow on the main thread when they were made one).
 * Bumping either package without the other brings the second copy back: this test names it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('apache-arrow', () => {
  it('duckdb-wasm resolves the same copy as the app', () => {
    // From a file of duckdb-wasm's dist, as the bundler resolves its `import … from "apache-arrow"`.
    const fromDuckdb = createRequire(require.resolve('@duckdb/duckdb-wasm')).resolve('apache-arrow');
    expect(fromDuckdb).toBe(require.resolve('apache-arrow'));
  });

  it('the lock file holds one copy, the exact version package.json pins', () => {
    const lock = json(join(ROOT, 'package-lock.json'));
    const copies = Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/apache-arrow'));
    expect(copies).toEqual(['node_modules/apache-arrow']);
    const pinned = json(join(ROOT, 'package.json')).dependencies['apache-arrow'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/apache-arrow'].version).toBe(pinned);
  });
});
