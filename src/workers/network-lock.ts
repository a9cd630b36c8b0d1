/**
 * Workers that read untrusted bytes (the import worker: PDFium, mammoth, htmlparser2; the
 * Parquet codec; DuckDB) get no network beyond the page's own origin, whatever a library or a
 * crafted file asks for: `fetch`, `XMLHttpRequest` and `importScripts` only reach same-origin
 * URLs (the workers load their own wasm and chunks from there), and `WebSocket`,
 * `EventSource`, `WebTransport` and `BroadcastChannel` are gone. The Content-Security-Policy
 * header (scripts/csp.ts) says the same; this holds where a host sends no header.
 *
 * Self-contained on purpose: scripts/duckdb-worker.ts puts its source (`lockNetwork.toString()`)
 * at the top of DuckDB's classic worker script, and the module workers call it first thing
 * (./lock-this-worker.ts).
 */
export function lockNetwork(scope: typeof globalThis): void {
  const base = scope.location.href;
  const origin = scope.location.origin;
  const denied = (what: string, url: unknown) =>
    new TypeError(`${what} to ${String(url).slice(0, 100)} refused: this worker reaches its own origin only`);
  const sameOrigin = (url: unknown): boolean => {
    try {
      const href =
        typeof url === 'object' && url !== null && 'url' in url ? (url as Request).url : String(url);
      return new URL(href, base).origin === origin;
    } catch {
      return false;
    }
  };
  // Defined on the scope and on every prototype that carries one, so the prototype's original
  // cannot be reached around the override.
  const replace = (name: string, value: unknown) => {
    for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, name) || o === scope)
        Object.defineProperty(o, name, { value, writable: false, configurable: false, enumerable: false });
    }
  };
  const realFetch = scope.fetch?.bind(scope);
  if (realFetch)
    replace('fetch', function fetch(input: RequestInfo | URL, init?: RequestInit) {
      return sameOrigin(input) ? realFetch(input, init) : Promise.reject(denied('fetch', input));
    });
  const RealXhr = scope.XMLHttpRequest;
  if (RealXhr) {
    class XMLHttpRequest extends RealXhr {
      override open(method: string, url: string | URL, ...rest: unknown[]): void {
        if (!sameOrigin(url)) throw denied('XMLHttpRequest', url);
        (RealXhr.prototype.open as (...a: unknown[]) => void).call(this, method, url, ...rest);
      }
    }
    replace('XMLHttpRequest', XMLHttpRequest);
  }
  const realImportScripts = (scope as { importScripts?: (...urls: string[]) => void }).importScripts;
  if (typeof realImportScripts === 'function')
    replace('importScripts', function importScripts(...urls: string[]) {
      for (const u of urls) if (!sameOrigin(u)) throw denied('importScripts', u);
      realImportScripts.apply(scope, urls);
    });
  for (const name of ['WebSocket', 'EventSource', 'WebTransport', 'BroadcastChannel'])
    if (name in scope) replace(name, undefined);
}
