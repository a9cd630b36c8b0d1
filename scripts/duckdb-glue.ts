/**
 * DuckDB-WASM's worker is Emscripten glue for a MAIN_MODULE build: its wasm exports 65,167
 * functions and 9,844 globals so that extensions could be linked in at run time. Right after
 * instantiation the glue walks all 75,000 exports four times (relocate + fill the GOT, merge into
 * the symbol table, resolve the GOT again, copy for signature conversions), creating a
 * WebAssembly.Global and a table slot for every function. Measured in headless Chromium on this
 * machine: 420–550 ms on DuckDB's thread, all of it on the path to the first chart (issue 3), for
 * a linker we never use: the app loads no extensions (autoload is off and nothing is fetched).
 *
 * The main module imports only 268 GOT entries. These rewrites fill the GOT for those (and for
 * the linker's own `__` symbols) and leave the rest to the glue's existing lazy paths (GOTHandler,
 * reportUndefinedSymbols, dlsym), which create an entry when something asks for it. Each rewrite
 * names the exact minified text it replaces and the build fails when it is not found exactly
 * once, so a DuckDB-WASM upgrade cannot silently drop or misapply one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { lockNetwork } from '../src/workers/network-lock.ts';
import { streamWasmFromHttpCache } from '../src/workers/wasm-streaming.ts';
import { duckdbExportFilter, stripExports } from './wasm-exports.ts';

interface Rewrite {
  why: string;
  find: RegExp;
  replace: (m: RegExpMatchArray) => string;
}

const REWRITES: Rewrite[] = [
  {
    why: 'fill only GOT entries that exist (or are the linker’s `__` symbols) while relocating the main module',
    find: /updateGOT=\((\w),(\w)\)=>\{for\(var (\w) in \1\)if\(!isInternalSym\(\3\)\)\{/g,
    replace: ([, e, t, r]) =>
      `updateGOT=(${e},${t})=>{for(var ${r} in ${e})if(!isInternalSym(${r})&&(!__lazyMainGOT||${r}.startsWith("__")||GOT[${r}.startsWith("orig$")?${r}.split("$")[1]:${r}])){`,
  },
  {
    why: 'mark the main module’s relocation as the lazy one',
    find: /wasmExports=relocateExports\(wasmExports,1024\)/g,
    replace: ([m]) => `__lazyMainGOT=!0,${m},__lazyMainGOT=!1`,
  },
  {
    why: 'merge symbols with one for-in instead of Object.entries and a closure per export',
    find: /mergeLibSymbols=\((\w),(\w)\)=>\{registerDynCallSymbols\(\1\);for\(var\[(\w),(\w)\]of Object\.entries\(\1\)\)\((\w)=>\{isSymbolDefined\(\5\)\|\|\(wasmImports\[\5\]=\4\)\}\)\(\3\)\}/g,
    replace: ([, e, t, r]) =>
      `mergeLibSymbols=(${e},${t})=>{registerDynCallSymbols(${e});for(var ${r} in ${e})isSymbolDefined(${r})||(wasmImports[${r}]=${e}[${r}])}`,
  },
  {
    why: 'find dynCall_ symbols with one for-in instead of Object.entries',
    find: /registerDynCallSymbols=(\w)=>\{for\(var\[(\w),(\w)\]of Object\.entries\(\1\)\)\2\.startsWith\("dynCall_"\)&&!Module\.hasOwnProperty\(\2\)&&\(Module\[\2\]=\3\)\}/g,
    replace: ([, e, t]) =>
      `registerDynCallSymbols=${e}=>{for(var ${t} in ${e})${t}.startsWith("dynCall_")&&!Module.hasOwnProperty(${t})&&(Module[${t}]=${e}[${t}])}`,
  },
  {
    why: 'convert signatures in place: the object is relocateExports’ own copy, held by nothing else',
    find: /applySignatureConversions\((\w)\)\{\1=Object\.assign\(\{\},\1\);/g,
    replace: ([, e]) => `applySignatureConversions(${e}){`,
  },
];

/** The worker source with every rewrite applied; throws naming the one that did not match once. */
export function patchDuckdbWorker(source: string, file = 'DuckDB worker'): string {
  let out = source;
  for (const rw of REWRITES) {
    const n = [...out.matchAll(rw.find)].length;
    if (n !== 1)
      throw new Error(`${file}: expected one match for "${rw.why}", found ${n} (a new @duckdb/duckdb-wasm?)`);
    out = out.replace(rw.find, (...m) => rw.replace(m as unknown as RegExpMatchArray));
  }
  // The package's source map describes the unpatched file.
  return `var __lazyMainGOT=!1;${out.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')}`;
}

const WORKERS = ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'] as const;
/** The import src/db/handle.ts uses, e.g. `@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url`. */
const IMPORT = /\/duckdb-wasm\/dist\/(duckdb-browser-(?:eh|mvp)\.worker\.js)\?url$/;
const DEV_PREFIX = '/@duckdb-worker/';

/**
 * The worker script served: the network lock first (src/workers/network-lock.ts: DuckDB reads
 * only bytes it is given, and must reach nothing but its own wasm on the origin), the switch
 * that lets it compile from the HTTP cache's response (src/workers/wasm-streaming.ts), then the
 * glue.
 */
function patchedWorker(name: string): string {
  const file = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`);
  return `(${lockNetwork.toString()})(self);\n(${streamWasmFromHttpCache.toString()})(self);\n${patchDuckdbWorker(readFileSync(file, 'utf8'), name)}`;
}

/** The wasm imports of src/db/handle.ts, e.g. `@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url`. */
const WASM_IMPORT = /\/duckdb-wasm\/dist\/duckdb-(eh|mvp)\.wasm\?url$/;

/**
 * A build's DuckDB wasm: the package's, with only the exports its (patched) worker can ask for.
 * What `vite build` ships; tests/sql/production-wasm.test.ts runs the query builders on it.
 */
export function strippedWasm(build: 'eh' | 'mvp'): Uint8Array {
  const file = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/duckdb-${build}.wasm`);
  const wasm = new Uint8Array(readFileSync(file));
  return stripExports(wasm, duckdbExportFilter(wasm, patchedWorker(`duckdb-browser-${build}.worker.js`)));
}

/**
 * Serves the patched workers in place of the package's: emitted as assets in a build, from
 * memory under /@duckdb-worker/ in dev. Applies to the `?url` imports of src/db/handle.ts. A
 * build also emits each wasm with its exports cut to those used (./wasm-exports.ts: 34 → 27 MB,
 * 75,000 → 630 exports); the dev server serves the package's as it is.
 */
export function duckdbWorkerPlugin(): Plugin {
  let dev = false;
  return {
    name: 'duckdb-worker-glue',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    resolveId(id) {
      const m = IMPORT.exec(id);
      if (m) return `\0duckdb-worker:${m[1]}`;
      const w = WASM_IMPORT.exec(id);
      return w && !dev ? `\0duckdb-wasm:${w[1]}` : null;
    },
    load(id) {
      if (id.startsWith('\0duckdb-wasm:')) {
        const build = id.slice('\0duckdb-wasm:'.length) as 'eh' | 'mvp';
        const ref = this.emitFile({
          type: 'asset',
          name: `duckdb-${build}.wasm`,
          source: strippedWasm(build),
        });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      if (!id.startsWith('\0duckdb-worker:')) return null;
      const name = id.slice('\0duckdb-worker:'.length);
      if (dev) return `export default ${JSON.stringify(DEV_PREFIX + name)};`;
      const ref = this.emitFile({ type: 'asset', name, source: patchedWorker(name) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(DEV_PREFIX) ? req.url.slice(DEV_PREFIX.length) : '';
        if (!(WORKERS as readonly string[]).includes(name)) return next();
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(patchedWorker(name));
      });
    },
  };
}
