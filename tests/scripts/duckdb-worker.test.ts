import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { packageWorker, servedWorker } from '../../scripts/duckdb-worker';

const installed = (name: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`), 'utf8');

describe('the DuckDB worker the app serves', () => {
  for (const name of ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) {
    it(`${name}: the network lock and the wasm-streaming switch, then the package's worker unchanged`, () => {
      const served = servedWorker(name);
      const lines = served.split('\n');
      expect(lines[0]).toMatch(/^\(function lockNetwork\(scope\)/);
      expect(served).toContain('(function streamWasmFromHttpCache(scope)');
      // Not one byte of DuckDB's glue is rewritten (issue 12 removed the rewrites).
      expect(served.endsWith(packageWorker(name))).toBe(true);
      expect(installed(name).startsWith(packageWorker(name).trimEnd())).toBe(true);
      expect(served).not.toMatch(/sourceMappingURL/);
    });
  }
});
