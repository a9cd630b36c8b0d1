import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { servedWorker } from '../../scripts/duckdb-worker';
import { duckdbExportFilter, exportNames, importedNames, stripExports } from '../../scripts/wasm-exports';

const dist = (name: string) => createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`);
const wasm = new Uint8Array(readFileSync(dist('duckdb-eh.wasm')));
const worker = servedWorker('duckdb-browser-eh.worker.js');

describe('stripExports on DuckDB-WASM (EH build)', () => {
  const all = exportNames(wasm);
  const out = stripExports(wasm, duckdbExportFilter(wasm, worker));
  const kept = exportNames(out);

  it('rewrites nothing when every export is kept', () => {
    expect(Buffer.from(stripExports(wasm, () => true)).equals(Buffer.from(wasm))).toBe(true);
  });

  it('keeps a valid module with the exports the worker names and the GOT imports', () => {
    expect(all.length).toBeGreaterThan(70_000);
    expect(kept.length).toBeLessThan(1_000);
    expect(kept.every((n) => all.includes(n))).toBe(true);
    const named = [...worker.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
    for (const n of named) if (all.includes(n)) expect(kept).toContain(n);
    const got = importedNames(wasm, ['GOT.mem', 'GOT.func']);
    expect(got.size).toBeGreaterThan(100);
    for (const n of got) if (all.includes(n)) expect(kept).toContain(n);
    expect(kept).toContain('duckdb_web_query_run');
    const module = new WebAssembly.Module(out as BufferSource);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(kept);
    expect(WebAssembly.Module.imports(module).length).toBe(
      WebAssembly.Module.imports(new WebAssembly.Module(wasm as BufferSource)).length,
    );
  });

  it('changes only the export section: the rest of the file is byte for byte the same', () => {
    expect(out.length).toBeLessThan(wasm.length - 7_000_000);
    // Code and data come after the export section: the files end the same way.
    const tail = 26_000_000;
    expect(
      Buffer.from(out.subarray(out.length - tail)).equals(Buffer.from(wasm.subarray(wasm.length - tail))),
    ).toBe(true);
  });

  it('refuses what is not a wasm module', () => {
    expect(() => stripExports(new TextEncoder().encode('not wasm'), () => true)).toThrow(/not a wasm module/);
  });
});
