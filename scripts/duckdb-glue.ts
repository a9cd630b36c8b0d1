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
    why: 'relocate the main module’s exports on lookup instead of copying all 75,000 (__lazyRelocate)',
    find: /relocateExports=\((\w),(\w),(\w)\)=>\{var \w=\{\};/g,
    replace: ([m, e, t, r]) =>
      `${m.slice(0, m.indexOf('{') + 1)}if(__lazyMainGOT)return __lazyRelocate(${e},${t},${r},GOT,updateGOT);${m.slice(m.indexOf('{') + 1)}`,
  },
  {
    why: 'merge the main module’s symbols by lookup (__linkMain), others with one for-in instead of Object.entries',
    find: /mergeLibSymbols=\((\w),(\w)\)=>\{registerDynCallSymbols\(\1\);for\(var\[(\w),(\w)\]of Object\.entries\(\1\)\)\((\w)=>\{isSymbolDefined\(\5\)\|\|\(wasmImports\[\5\]=\4\)\}\)\(\3\)\}/g,
    replace: ([, e, t, r]) =>
      `mergeLibSymbols=(${e},${t})=>{if(${e}===__mainExports)return __linkMain(wasmImports,Module);registerDynCallSymbols(${e});for(var ${r} in ${e})isSymbolDefined(${r})||(wasmImports[${r}]=${e}[${r}])}`,
  },
  {
    why: 'find dynCall_ symbols with one for-in instead of Object.entries',
    find: /registerDynCallSymbols=(\w)=>\{for\(var\[(\w),(\w)\]of Object\.entries\(\1\)\)\2\.startsWith\("dynCall_"\)&&!Module\.hasOwnProperty\(\2\)&&\(Module\[\2\]=\3\)\}/g,
    replace: ([, e, t]) =>
      `registerDynCallSymbols=${e}=>{for(var ${t} in ${e})${t}.startsWith("dynCall_")&&!Module.hasOwnProperty(${t})&&(Module[${t}]=${e}[${t}])}`,
  },
  {
    why: 'convert signatures on an object over the exports instead of a copy of all of them',
    find: /applySignatureConversions\((\w)\)\{\1=Object\.assign\(\{\},\1\);/g,
    replace: ([, e]) => `applySignatureConversions(${e}){${e}=Object.create(${e});`,
  },
];

/**
 * Code the rewrites call, put before the glue (it gets what it needs from the glue's closure as
 * arguments). The main module's exports stay where WebAssembly put them:
 * - `__lazyRelocate` returns a view that relocates a data symbol (+ memory base) when it is read,
 *   instead of a 75,000-key copy, and fills the GOT entries the module imports (and the linker's
 *   `__` symbols) like `updateGOT` did;
 * - `__linkMain` makes that view the prototype of the symbol table (`wasmImports`) instead of
 *   copying every export into it: a lookup finds the JS imports first and then the exports, as
 *   `mergeLibSymbols` arranged, with each stub the module defines removed so its export shows.
 * Measured in headless Chromium on this machine: the copies and walks took 120–170 ms of
 * DuckDB's start, on the path to the first chart.
 */
const PRELUDE = `var __lazyMainGOT=!1,__mainExports=null,__mainKeys=null;
function __lazyRelocate(raw,base,replace,GOT,updateGOT){
var own={},view=new Proxy(own,{
get:(o,k)=>{if(k in o)return o[k];var v=raw[k];return typeof v=="object"&&v!==null&&(v=v.value),typeof v=="number"&&(v+=base),v},
has:(o,k)=>k in o||k in raw,
ownKeys:o=>{var ks=Reflect.ownKeys(raw);for(var k of Reflect.ownKeys(o))k in raw||ks.push(k);return ks},
getOwnPropertyDescriptor:(o,k)=>k in o||k in raw?{value:view[k],writable:!0,enumerable:!0,configurable:!0}:void 0});
__mainExports=view;__mainKeys=Object.keys(raw);
var got={};for(var k of __mainKeys)(k.startsWith("__")||GOT[k.startsWith("orig$")?k.split("$")[1]:k])&&(got[k]=view[k]);
updateGOT(got,replace);return view}
function __linkMain(table,Module){
for(var k of __mainKeys)k.startsWith("dynCall_")&&!Module.hasOwnProperty(k)&&(Module[k]=__mainExports[k]);
for(var k of Object.keys(table)){var v=table[k];v&&v.stub&&k in __mainExports&&delete table[k]}
Object.setPrototypeOf(table,__mainExports)}
`;

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
  return `${PRELUDE}${out.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')}`;
}

const WORKERS = ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'] as const;
/** The import src/db/client.ts uses, e.g. `@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url`. */
const IMPORT = /\/duckdb-wasm\/dist\/(duckdb-browser-(?:eh|mvp)\.worker\.js)\?url$/;
const DEV_PREFIX = '/@duckdb-worker/';

function patchedWorker(name: string): string {
  const file = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`);
  return patchDuckdbWorker(readFileSync(file, 'utf8'), name);
}

/** The wasm imports of src/db/client.ts, e.g. `@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url`. */
const WASM_IMPORT = /\/duckdb-wasm\/dist\/duckdb-(eh|mvp)\.wasm\?url$/;

/** A build's DuckDB wasm: the package's, with only the exports its (patched) worker can ask for. */
function strippedWasm(build: 'eh' | 'mvp'): Uint8Array {
  const file = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/duckdb-${build}.wasm`);
  const wasm = new Uint8Array(readFileSync(file));
  return stripExports(wasm, duckdbExportFilter(wasm, patchedWorker(`duckdb-browser-${build}.worker.js`)));
}

/**
 * Serves the patched workers in place of the package's: emitted as assets in a build, from
 * memory under /@duckdb-worker/ in dev. Applies to the `?url` imports of src/db/client.ts. A
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
