/**
 * Initial JavaScript: the entry scripts and modulepreloads of dist/index.html plus every chunk
 * they import statically, gzipped (level 9, as a static host would serve them). Dynamic
 * `import()` chunks (views, DuckDB, the engine) load later and are not counted; neither is wasm.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { file: string; bytes: number; gzip: number }[];
  gzipKb: number;
}

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * Without `chunk`: what index.html loads. With `chunk`: that lazily loaded chunk (e.g. the first
 * view) and its static imports, minus what index.html already loads.
 */
export function initialJs(dist: string, chunk?: RegExp): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const htmlEntries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => normalize(join(dist, m[1]!)));
  const assets = join(dist, 'assets');
  const entries = chunk
    ? readdirSync(assets)
        .filter((f) => chunk.test(f))
        .map((f) => join(assets, f))
    : htmlEntries;
  const seen = new Set<string>(chunk ? htmlEntries : []);
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(normalize(join(dirname(file), m[1]!)));
  }
  for (const e of chunk ? htmlEntries : []) seen.delete(e);
  const files = [...seen].map((file) => {
    const bytes = readFileSync(file);
    return {
      file: file.slice(dist.length).replace(/^\/+/, ''),
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  });
  return { files, gzipKb: files.reduce((s, f) => s + f.gzip, 0) / 1024 };
}
