/**
 * What `npm start` (vite preview) tells browsers to keep (scripts/cache.ts): hashed assets for a
 * year without asking again, the page and the dataset revalidated with an ETag (304, no body).
 */
import { describe, expect, inject, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from '../../scripts/cache';

const baseUrl = inject('baseUrl');

describe('caching headers of npm start', () => {
  it('index.html is revalidated, and answers 304 to its ETag', async () => {
    const page = await fetch(baseUrl);
    expect(page.headers.get('cache-control')).toBe(REVALIDATE);
    const etag = page.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(baseUrl, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('hashed scripts and DuckDB’s wasm are immutable; the wasm is application/wasm, uncompressed', async () => {
    const html = await (await fetch(baseUrl)).text();
    const script = /src="\.\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await fetch(new URL(script!, baseUrl));
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE);
    const wasmName = /duckdb-eh-[\w-]+\.wasm/.exec(await js.text())?.[0];
    const source = wasmName ? null : await findWasm(html);
    const wasm = await fetch(new URL(`assets/${wasmName ?? source}`, baseUrl));
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(wasm.headers.get('content-encoding')).toBeNull();
    await wasm.body?.cancel();
  });

  it('the dataset is revalidated (fixed names, rewritten in place by data:bundle)', async () => {
    const r = await fetch(new URL('data/reports.parquet', baseUrl));
    expect(r.headers.get('cache-control')).toBe(REVALIDATE);
    const etag = r.headers.get('etag');
    await r.arrayBuffer();
    const again = await fetch(new URL('data/reports.parquet', baseUrl), {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
  });
});

/** The wasm's name from whichever chunk names it (the engine start-up may live in another chunk). */
async function findWasm(html: string): Promise<string> {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/assets\/[\w-]+\.js/g)].map((m) => m[0]);
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const text = await (await fetch(new URL(f, baseUrl))).text();
    const hit = /duckdb-eh-[\w-]+\.wasm/.exec(text)?.[0];
    if (hit) return hit;
    for (const m of text.matchAll(/[\w-]+\.js/g)) queue.push(`assets/${m[0]}`);
  }
  throw new Error('no chunk names duckdb-eh-*.wasm');
}
