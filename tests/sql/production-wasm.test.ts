/**
 * The query builders on the DuckDB wasm that `vite build` ships: the package's binaries with their
 * exports cut to what the worker can ask for (scripts/wasm-exports.ts, 75,000 → ~630). Unit tests
 * otherwise run on the package's full binary, so a cut that dropped an export some statement needs
 * would pass them and fail only in the browser. Here the engine suites run again, unchanged, on
 * the shipped binaries (Node's glue names the same 58 exports as the browser worker's; the test
 * checks that too). tests/e2e runs the whole app on the production build.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strippedWasm } from '../../scripts/duckdb-worker';
import { exportNames } from '../../scripts/wasm-exports';
import { setTestWasm } from '../db/harness';

const dir = mkdtempSync(join(tmpdir(), 'duckdb-production-'));
const shipped = { eh: strippedWasm('eh'), mvp: strippedWasm('mvp') };
const files = { eh: join(dir, 'duckdb-eh.wasm'), mvp: join(dir, 'duckdb-mvp.wasm') };
writeFileSync(files.eh, shipped.eh);
writeFileSync(files.mvp, shipped.mvp);
setTestWasm(files);

describe('the shipped DuckDB wasm', () => {
  it('is the cut one, and Node’s glue asks for nothing the browser worker’s does not', () => {
    const exports = exportNames(shipped.eh);
    expect(exports.length).toBeLessThan(1_000);
    const named = (file: string) =>
      new Set(
        [
          ...readFileSync(
            createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${file}`),
            'utf8',
          ).matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g),
        ].map((m) => m[1]!),
      );
    const browser = named('duckdb-browser-eh.worker.js');
    for (const n of named('duckdb-node-blocking.cjs')) expect(browser.has(n), n).toBe(true);
  });
});

// The suites themselves, registered in this file with the shipped binaries in place.
await import('./run.test');
await import('./anomalies.test');
await import('./corrected.test');
await import('./identity.test');
await import('../db/engine.test');
await import('../db/precomputed.test');
