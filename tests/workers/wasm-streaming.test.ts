import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { streamWasmFromHttpCache } from '../../src/workers/wasm-streaming';

/** A worker scope of our own: TransformStream, WebAssembly.instantiateStreaming, console. */
function scope() {
  const calls: unknown[][] = [];
  const warned: unknown[][] = [];
  const wasm = {
    instantiateStreaming: (...a: unknown[]) => {
      calls.push(a);
      return Promise.resolve('instance');
    },
  };
  const s = {
    TransformStream: class {},
    WebAssembly: wasm,
    console: { warn: (...a: unknown[]) => warned.push(a) },
  };
  return { s, calls, warned, wasm };
}

/** DuckDB's choice, as its worker writes it (see the installed worker test below). */
const duckdbPath = (s: { TransformStream?: unknown }) =>
  typeof s.TransformStream === 'function'
    ? 'own Response (no code cache)'
    : 'instantiateStreaming(fetch(url))';

describe('streamWasmFromHttpCache', () => {
  it('sends DuckDB down the instantiateStreaming(fetch(url)) path, then restores everything', async () => {
    const { s, calls, warned, wasm } = scope();
    const original = wasm.instantiateStreaming;
    const ts = s.TransformStream;
    streamWasmFromHttpCache(s as never);
    expect(duckdbPath(s)).toBe('instantiateStreaming(fetch(url))');
    s.console.warn('instantiating without progress handler since transform streams are unavailable');
    s.console.warn('something else');
    await expect(s.WebAssembly.instantiateStreaming('response', { env: {} })).resolves.toBe('instance');
    expect(calls).toEqual([['response', { env: {} }]]);
    expect(warned).toEqual([['something else']]);
    expect(s.TransformStream).toBe(ts);
    expect(wasm.instantiateStreaming).toBe(original);
    expect(duckdbPath(s)).toBe('own Response (no code cache)');
  });

  it('does nothing where streaming compilation is missing', () => {
    const { s } = scope();
    const bare = { ...s, WebAssembly: {} };
    streamWasmFromHttpCache(bare as never);
    expect(typeof bare.TransformStream).toBe('function');
  });

  it('matches the installed DuckDB worker: it tests TransformStream, then streams fetch(url)', () => {
    const src = readFileSync(
      createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'),
      'utf8',
    );
    // If DuckDB changes this choice, the switch no longer applies: the test says so.
    expect(src).toMatch(/if\(typeof TransformStream=="function"\)/);
    expect(src).toMatch(/instantiating without progress handler/);
    expect(src).toMatch(/WebAssembly\.instantiateStreaming\(fetch\(\w+\),\w+\)/);
  });
});
