import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cachePlugin } from './scripts/cache.ts';
import { cspPlugin, SECURITY_HEADERS } from './scripts/csp.ts';
import { duckdbWorkerPlugin } from './scripts/duckdb-worker.ts';
import { preloadPlugin } from './scripts/preload.ts';
import { wasmUncompressedPlugin } from './scripts/wasm-uncompressed.ts';

export default defineConfig({
  plugins: [
    react(),
    duckdbWorkerPlugin(),
    cspPlugin(),
    cachePlugin(),
    wasmUncompressedPlugin(),
    preloadPlugin(),
  ],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  // `npm start` and the e2e server send the policy as a header: it reaches the workers.
  preview: { headers: { ...SECURITY_HEADERS } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Prints the reliability suite's counts at the end of the run.
    globalSetup: ['tests/reliability/summary.ts'],
  },
});
