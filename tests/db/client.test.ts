import { describe, expect, it } from 'vitest';
import { pickBundle, sameOriginUrl } from '../../src/db/client';

describe('pickBundle', () => {
  it('chooses the EH bundle when the exception-handling probe validates', () => {
    const b = pickBundle(() => true);
    expect(b.mainModule).toMatch(/duckdb-eh\.wasm/);
    expect(b.mainWorker).toMatch(/duckdb-browser-eh\.worker/);
  });

  it('falls back to the MVP bundle when wasm exceptions are unsupported', () => {
    const b = pickBundle(() => false);
    expect(b.mainModule).toMatch(/duckdb-mvp\.wasm/);
    expect(b.mainWorker).toMatch(/duckdb-browser-mvp\.worker/);
  });

  it('gives the probe a real wasm module (magic number and version 1)', () => {
    let probe: Uint8Array | null = null;
    pickBundle((b) => {
      probe = b;
      return false;
    });
    expect(Array.from(probe!.slice(0, 8))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
  });
});

describe('sameOriginUrl', () => {
  it('refuses a file from another origin', () => {
    expect(() => sameOriginUrl('https://evil.example/x.parquet', 'http://127.0.0.1/')).toThrow(/only files/);
    expect(sameOriginUrl('./data/a.parquet', 'http://127.0.0.1/app/').href).toBe(
      'http://127.0.0.1/app/data/a.parquet',
    );
  });
});
