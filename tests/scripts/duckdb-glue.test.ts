import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchDuckdbWorker } from '../../scripts/duckdb-glue';

const installed = (name: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`), 'utf8');

/**
 * The glue's linker functions in the installed package's minified form (names shortened the way
 * its minifier does), with a table and GOT small enough to compare whole.
 */
const GLUE = `var GOT={},wasmImports={stubbed:{stub:!0}},Module={dynCall_old:"kept"},wasmExports,tbl=[],
isInternalSym=e=>["__wasm_call_ctors"].includes(e),addFunction=f=>(tbl.push(f),tbl.length),
isSymbolDefined=e=>{var t=wasmImports[e];return!(!t||t.stub)},
updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){var n=e[r];r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]||(GOT[r]={value:0}),(t||GOT[r].value==0)&&(typeof n=="function"?GOT[r].value=addFunction(n):typeof n=="number"?GOT[r].value=n:err("unhandled"))}},
relocateExports=(e,t,r)=>{var n={};for(var a in e){var l=e[a];typeof l=="object"&&(l=l.value),typeof l=="number"&&(l+=t),n[a]=l}return updateGOT(n,r),n},
registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)},
mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)};
function applySignatureConversions(e){e=Object.assign({},e);return e.malloc=(u=>_=>u(_)>>>0)(e.malloc),e}
function instantiate(n){wasmExports=n,wasmExports=relocateExports(wasmExports,1024);mergeLibSymbols(wasmExports,"main"),wasmExports=applySignatureConversions(wasmExports);return{GOT,wasmImports,Module,wasmExports,tbl}}`;

type Linked = {
  GOT: Record<string, { value: number }>;
  wasmImports: Record<string, unknown>;
  Module: Record<string, unknown>;
  wasmExports: Record<string, unknown>;
  tbl: unknown[];
};

const fns = {
  a: () => 1,
  b: () => 2,
  c: () => 3,
  origC: () => 4,
  dyn: () => 5,
  malloc: (n: number) => -n,
  s: () => 6,
};
const exports = () => ({
  a: fns.a,
  b: fns.b,
  c: fns.c,
  orig$c: fns.origC,
  dynCall_vi: fns.dyn,
  dynCall_old: fns.dyn,
  malloc: fns.malloc,
  stubbed: fns.s,
  __heap_base: 7,
  data_sym: { value: 100 },
  __wasm_call_ctors: fns.a,
});

/** Instantiate `exports` through `source`, with the GOT entries the module imports already made. */
function link(source: string, imported: string[]): Linked {
  const run = new Function(
    'imported',
    'exports',
    `${source};for(const k of imported)GOT[k]={value:0};return instantiate(exports)`,
  );
  return run(imported, exports()) as Linked;
}

describe('DuckDB worker glue patch', () => {
  it('applies every rewrite exactly once to both installed workers', () => {
    for (const name of ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) {
      const out = patchDuckdbWorker(installed(name), name);
      expect(out.startsWith('var __lazyMainGOT=!1;')).toBe(true);
      expect(out).toContain(
        '__lazyMainGOT=!0,wasmExports=relocateExports(wasmExports,1024),__lazyMainGOT=!1',
      );
      expect(out).not.toMatch(/sourceMappingURL/);
      expect(() => new Function(out)).not.toThrow(SyntaxError);
    }
  });

  it('names the rewrite and the file when the glue has changed', () => {
    expect(() => patchDuckdbWorker('var x=1;', 'x.worker.js')).toThrow(
      /x\.worker\.js: expected one match for "fill only GOT entries/,
    );
    const twice = `${GLUE}\n${GLUE}`.replace('function instantiate', 'function i2');
    expect(() => patchDuckdbWorker(twice)).toThrow(/found 2/);
  });

  it('links the main module like the original, creating GOT entries only for imports and __ symbols', () => {
    const imported = ['a', 'c', 'data_sym'];
    const before = link(GLUE, imported);
    const after = link(patchDuckdbWorker(GLUE), imported);
    expect(Object.keys(after.GOT).sort()).toEqual(['__heap_base', 'a', 'c', 'data_sym']);
    expect(Object.keys(before.GOT).sort()).toEqual([
      '__heap_base',
      'a',
      'b',
      'c',
      'data_sym',
      'dynCall_old',
      'dynCall_vi',
      'malloc',
      'stubbed',
    ]);
    // Imported entries point at the same functions (orig$c replaces c) and the same relocated data.
    const fnAt = (l: Linked, k: string) => l.tbl[l.GOT[k]!.value - 1];
    expect(fnAt(after, 'a')).toBe(fns.a);
    expect(fnAt(after, 'c')).toBe(fns.origC);
    expect(fnAt(before, 'c')).toBe(fns.origC);
    expect(after.GOT.data_sym!.value).toBe(1124);
    expect(after.GOT.__heap_base!.value).toBe(before.GOT.__heap_base!.value);
    // The symbol table, dynCall registry and converted exports are the same.
    expect(Object.keys(after.wasmImports).sort()).toEqual(Object.keys(before.wasmImports).sort());
    for (const k of Object.keys(before.wasmImports)) expect(after.wasmImports[k]).toBe(before.wasmImports[k]);
    expect(after.wasmImports.stubbed).toBe(fns.s);
    expect(after.Module).toEqual(before.Module);
    expect(after.Module.dynCall_old).toBe('kept');
    expect(Object.keys(after.wasmExports)).toEqual(Object.keys(before.wasmExports));
    expect((after.wasmExports.malloc as (n: number) => number)(5)).toBe(2 ** 32 - 5);
  });
});
