/**
 * DuckDB-WASM's worker compiles its wasm with `WebAssembly.instantiateStreaming`, but hands it a
 * Response of its own making (`new Response(body.pipeThrough(progressCounter))`). That Response has
 * no URL and is not the HTTP cache's, so Chromium can neither store nor find the module's compiled
 * code in its wasm code cache: every visit compiled the 27 MB module again, though the file itself
 * came from the HTTP cache (issue 12: a repeat visit in ≤ 0.5 s).
 *
 * Where `TransformStream` is missing, the worker takes its other path,
 * `instantiateStreaming(fetch(url))`: the standard one, whose Response is the HTTP cache's. So
 * `TransformStream` is hidden until that call and put back in it. All the worker loses is its
 * download-progress events, which the app does not show (src/db/start-duckdb.ts ignores them).
 *
 * Self-contained on purpose: scripts/duckdb-worker.ts puts its source (`.toString()`) at the top of
 * DuckDB's classic worker script, before DuckDB's own code.
 */
export function streamWasmFromHttpCache(scope: typeof globalThis): void {
  const g = scope as unknown as { TransformStream?: unknown };
  const wasm = scope.WebAssembly;
  const saved = g.TransformStream;
  const instantiate = wasm?.instantiateStreaming;
  if (typeof saved !== 'function' || typeof instantiate !== 'function') return;
  // The worker says why it has no progress events; that is this file's doing, not news.
  const warn = scope.console.warn;
  const restore = () => {
    g.TransformStream = saved;
    wasm.instantiateStreaming = instantiate;
    scope.console.warn = warn;
  };
  g.TransformStream = undefined;
  scope.console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('instantiating without progress handler'))
      warn.apply(scope.console, args);
  };
  wasm.instantiateStreaming = (source, imports) => {
    restore();
    return instantiate.call(wasm, source, imports);
  };
}
