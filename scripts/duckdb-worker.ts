/**
 * DuckDB-WASM's worker and wasm as the app serves them:
 * - the worker script is the package's own, unchanged, after two self-contained preludes: the
 *   network lock (src/workers/network-lock.ts: DuckDB reads only bytes it is given, and must
 *   reach nothing but its own wasm on the origin) and the switch that lets it compile from the
 *   HTTP cache's response, so Chromium's wasm code cache applies (src/workers/wasm-streaming.ts);
 * - a build emits each wasm with its exports cut to those the worker's glue, the module's GOT
 *   and the runtime can ask for (./wasm-exports.ts: 34 → 27 MB, 75,000 → 630 exports);
 *   tests/sql/production-wasm.test.ts runs the query builders on the cut binaries.
 *
 * This file used to rewrite the minified Emscripten glue as well (the dynamic linker walked all
 * 75,000 exports four times, 420–550 ms). With the exports cut to 630 that walk costs next to
 * nothing, and an interleaved A/B of the build with and without the rewrites showed no
 * difference in first chart (BENCHMARKS.md, "DuckDB glue patch"): they were removed (issue 12).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { lockNetwork } from '../src/workers/network-lock.ts';
import { streamWasmFromHttpCache } from '../src/workers/wasm-streaming.ts';
import { duckdbExportFilter, stripExports } from './wasm-exports.ts';

const WORKERS = ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'] as const;
/** The import src/db/handle.ts uses, e.g. `@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url`. */
const IMPORT = /\/duckdb-wasm\/dist\/(duckdb-browser-(?:eh|mvp)\.worker\.js)\?url$/;
const DEV_PREFIX = '/@duckdb-worker/';

/** The package's worker script, without its source map line (the map describes the file alone). */
export function packageWorker(name: string): string {
  const file = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`);
  return readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/** The worker script served: the network lock, the wasm-streaming switch, then DuckDB's worker. */
export function servedWorker(name: string): string {
  return `(${lockNetwork.toString()})(self);\n(${streamWasmFromHttpCache.toString()})(self);\n${packageWorker(name)}`;
}

/** The wasm imports of src/db/handle.ts, e.g. `@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url`. */
const WASM_IMPORT = /\/duckdb-wasm\/dist\/duckdb-(eh|mvp)\.wasm\?url$/;

/**
 * A build's DuckDB wasm: the package's, with only the exports its worker can ask for.
 * What `vite build` ships; tests/sql/production-wasm.test.ts runs the query builders on it.
 */
export function strippedWasm(build: 'eh' | 'mvp'): Uint8Array {
  const file = createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/duckdb-${build}.wasm`);
  const wasm = new Uint8Array(readFileSync(file));
  return stripExports(wasm, duckdbExportFilter(wasm, servedWorker(`duckdb-browser-${build}.worker.js`)));
}

/**
 * Serves the workers above in place of the package's: emitted as assets in a build, from memory
 * under /@duckdb-worker/ in dev. Applies to the `?url` imports of src/db/handle.ts. A build also
 * emits each wasm with its exports cut (the dev server serves the package's as it is).
 */
export function duckdbWorkerPlugin(): Plugin {
  let dev = false;
  return {
    name: 'duckdb-worker',
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
      const ref = this.emitFile({ type: 'asset', name, source: servedWorker(name) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(DEV_PREFIX) ? req.url.slice(DEV_PREFIX.length) : '';
        if (!(WORKERS as readonly string[]).includes(name)) return next();
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(servedWorker(name));
      });
    },
  };
}
