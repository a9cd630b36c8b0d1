/**
 * `vite preview` (what `npm start` and the e2e suite serve) gzips every response on the fly,
 * application/wasm included: DuckDB's 34 MB wasm then took 1.7 s to arrive from localhost instead
 * of 0.07 s, all of it before the first chart. This serves built .wasm files as they are, ahead of
 * that compression; static hosts serve them precompressed or plain anyway.
 */
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { cacheControlFor } from './cache.ts';

export function wasmUncompressedPlugin(): Plugin {
  return {
    name: 'preview-wasm-uncompressed',
    configurePreviewServer(server) {
      const root = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (req.method !== 'GET' || !url.pathname.endsWith('.wasm')) return next();
        const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
        if (!file.startsWith(root + path.sep)) return next();
        let size: number;
        try {
          size = statSync(file).size;
        } catch {
          return next();
        }
        res.writeHead(200, {
          'Content-Type': 'application/wasm',
          'Content-Length': size,
          // Content-hashed under assets/ (./cache.ts): kept, so Chromium's wasm code cache applies.
          'Cache-Control':
            cacheControlFor(`/${path.relative(root, file).split(path.sep).join('/')}`) ?? 'no-cache',
        });
        createReadStream(file).pipe(res);
      });
    },
  };
}
