/**
 * The Content-Security-Policy of the built app, from one list: only the page's own origin, plus
 * what WebAssembly (DuckDB, parquet-wasm, PDFium) and module workers need.
 *
 * - As a response header (`npm start` / vite preview, `public/_headers` for static hosts, the
 *   nginx snippet in README.md): it covers the workers too, which get their policy from their
 *   own script's response, not from the page; and it can say `frame-ancestors`.
 * - As a `<meta>` in index.html, for hosts that send no headers: the page is still covered
 *   (`frame-ancestors` is not allowed there, so it is left out of the meta copy).
 * The dev server gets neither: it injects inline scripts (React refresh) that they would block.
 */
import type { Plugin } from 'vite';
import { CACHE_RULES, IMMUTABLE, REVALIDATE } from './cache.ts';

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The meta-tag policy (no frame-ancestors: browsers ignore it in a meta tag, with a warning). */
export const CSP = DIRECTIVES.join('; ');

/**
 * The header policy. Framing only by the app's own origin: a site that embeds the charts
 * (`?embed=1`) adds its origin here when it serves the app.
 */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'self'"].join('; ');

/** Every header a host should send with every file of the app. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * `public/_headers` (Netlify, Cloudflare Pages): the security headers for every path, then how
 * long each file may be kept (./cache.ts).
 */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  const cache = CACHE_RULES.map((r) => `${r.path}\n  Cache-Control: ${r.cacheControl}\n`);
  return `# Generated from scripts/csp.ts and scripts/cache.ts (tests/scripts/csp.test.ts checks it): do not edit by hand.\n/*\n${lines.join('\n')}\n${cache.join('')}`;
}

/** The nginx lines README.md shows (`always`: on error pages too). */
export function nginxSnippet(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([k, v]) => `add_header ${k} "${v}" always;`)
    .join('\n');
}

/**
 * The nginx lines README.md shows for caching (./cache.ts): `no-cache` beside the security
 * headers, and a location for the content-hashed assets. nginx drops the server's `add_header`
 * lines in a location that has its own, so that location repeats the security headers.
 */
export function nginxCacheSnippet(): string {
  const security = nginxSnippet()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  return `add_header Cache-Control "${REVALIDATE}" always;\nlocation /assets/ {\n    add_header Cache-Control "${IMMUTABLE}" always;\n${security}\n}`;
}

export function cspPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}
