/**
 * One policy everywhere (issue 14.8): the header `npm start` sends, `public/_headers` and the
 * README's nginx snippet all come from scripts/csp.ts; the header says frame-ancestors and
 * worker-src and keeps connections on the origin; the meta copy leaves out what a meta tag
 * cannot carry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_HEADER, headersFile, nginxSnippet, SECURITY_HEADERS } from '../../scripts/csp';
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
});
