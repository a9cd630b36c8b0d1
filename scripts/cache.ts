/**
 * How long a browser may keep each file of the built app (issue 12: a repeat visit in ≤ 0.5 s).
 *
 * - `assets/*` carry a content hash in their names (vite build): kept a year and never
 *   revalidated (`immutable`), so a repeat visit reads JS, CSS and DuckDB's wasm from the HTTP
 *   cache without a request, and Chromium reuses the wasm's compiled code (its code cache is
 *   keyed by the response in the HTTP cache; src/workers/wasm-streaming.ts lets DuckDB compile
 *   from that response).
 * - Everything else has a fixed name: `index.html` (it names the current assets) and the
 *   dataset (`data/*.parquet`, `manifest.json`, `derived/*`), which `npm run data:bundle`
 *   rewrites in place. Those are `no-cache`: kept, but revalidated on every visit (ETag /
 *   Last-Modified → 304, no body), so a new dataset is seen at once. Content-hashing the dataset's
 *   names instead would save those revalidations but change the dataset's layout, which other
 *   tools and links read (../shared/spec/report-model.md); a few 304s from the page's own origin cost little.
 *
 * One list for every server: `npm start` (vite preview, `cachePlugin`), `public/_headers`
 * (./csp.ts `headersFile`), the README's nginx lines and the benchmark's server (bench/serve.ts).
 */
import type { Plugin } from 'vite';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Path patterns as static hosts' `_headers` files write them (`*` = the rest of the path), each
 * with its Cache-Control. No rule for `/*`: hosts join the values of every matching rule, and
 * `no-cache, public, max-age=…` would undo `immutable`.
 */
export const CACHE_RULES: readonly { path: string; cacheControl: string }[] = [
  { path: '/assets/*', cacheControl: IMMUTABLE },
  { path: '/', cacheControl: REVALIDATE },
  { path: '/index.html', cacheControl: REVALIDATE },
  { path: '/data/*', cacheControl: REVALIDATE },
];

/** The Cache-Control for a path of the built app, relative to where it is served; null: none. */
export function cacheControlFor(pathname: string): string | null {
  for (const r of CACHE_RULES) {
    const hit = r.path.endsWith('*') ? pathname.startsWith(r.path.slice(0, -1)) : pathname === r.path;
    if (hit) return r.cacheControl;
  }
  return null;
}

/**
 * `npm start` (vite preview): sets each response's Cache-Control ahead of vite's static files
 * middleware, which keeps a header already set (it would send `no-cache` for everything). Its
 * ETag and 304 answers are what `no-cache` files are revalidated with.
 */
export function cachePlugin(): Plugin {
  return {
    name: 'preview-cache-control',
    configurePreviewServer(server) {
      const base = server.config.base.startsWith('/') ? server.config.base : '/';
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const cc = path.startsWith(base) ? cacheControlFor(`/${path.slice(base.length)}`) : null;
        if (cc) res.setHeader('Cache-Control', cc);
        next();
      });
    },
  };
}
