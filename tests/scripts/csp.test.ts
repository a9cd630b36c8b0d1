/**
 * One policy everywhere (issue 14.8): the header `npm start` sends, `public/_headers` and the
 * README's nginx snippet all come from scripts/csp.ts; the header says frame-ancestors and
 * worker-src and keeps connections on the origin; the meta copy leaves out what a meta tag
 * cannot carry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHE_RULES, cacheControlFor, IMMUTABLE, REVALIDATE } from '../../scripts/cache';
import {
  CSP,
  CSP_HEADER,
  headersFile,
  nginxCacheSnippet,
  nginxSnippet,
  SECURITY_HEADERS,
} from '../../scripts/csp';
import config from '../../vite.config';

describe('content security policy', () => {
  it('the header policy has frame-ancestors, worker-src and connect-src self; the meta one no frame-ancestors', () => {
    expect(CSP_HEADER).toMatch(/frame-ancestors 'self'/);
    expect(CSP_HEADER).toMatch(/worker-src 'self'/);
    expect(CSP_HEADER).toMatch(/connect-src 'self'(;|$)/);
    expect(CSP_HEADER).toMatch(/default-src 'self'/);
    expect(CSP).not.toMatch(/frame-ancestors/);
    expect(CSP_HEADER.startsWith(CSP)).toBe(true);
  });

  it('vite preview (npm start) sends every security header', () => {
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
  });

  it('public/_headers is the generated file', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
  });

  it('README shows the nginx snippet as generated', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(nginxSnippet());
  });

  it('README shows the nginx caching lines as generated', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(nginxCacheSnippet());
  });
});

describe('cache policy (scripts/cache.ts)', () => {
  it('keeps hashed assets a year without revalidation, and revalidates the page and the dataset', () => {
    expect(cacheControlFor('/assets/index-DIzEEo6W.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('/assets/duckdb-eh-DEhGdBlK.wasm')).toBe(IMMUTABLE);
    expect(cacheControlFor('/')).toBe(REVALIDATE);
    expect(cacheControlFor('/index.html')).toBe(REVALIDATE);
    expect(cacheControlFor('/data/reports.parquet')).toBe(REVALIDATE);
    expect(cacheControlFor('/data/derived/t3n.arrow')).toBe(REVALIDATE);
    expect(cacheControlFor('/_headers')).toBeNull();
  });

  it('public/_headers has one block per rule, and none for every path (hosts would join the values)', () => {
    const text = readFileSync('public/_headers', 'utf8');
    for (const r of CACHE_RULES) expect(text).toContain(`${r.path}\n  Cache-Control: ${r.cacheControl}\n`);
    expect(text.split('\n/*\n')[1]?.split('\n/')[0]).not.toMatch(/Cache-Control/);
  });

  it('vite build names every emitted asset with a content hash (what makes `immutable` safe)', () => {
    const out = config.build?.rollupOptions?.output;
    // The default names are `assets/[name]-[hash][extname]`; an override must keep the hash.
    for (const o of [out].flat())
      for (const k of ['entryFileNames', 'chunkFileNames', 'assetFileNames'] as const) {
        const v = o?.[k];
        if (typeof v === 'string') expect(v).toContain('[hash]');
      }
    expect(config.build?.assetsDir ?? 'assets').toBe('assets');
  });
});
