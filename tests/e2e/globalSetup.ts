/**
 * Build the production bundle once and serve dist/ with `vite preview` on 127.0.0.1 for the
 * whole e2e run. E2E_PORT overrides the port (4173); E2E_SKIP_BUILD=1 reuses an existing dist/.
 */
import { existsSync } from 'node:fs';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

export const E2E_HOST = '127.0.0.1';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 4173);
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync('dist/index.html')) {
    // vitest sets NODE_ENV=test, which would make vite bundle React's development build
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    await build({ logLevel: 'warn', mode: 'production' });
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({
    logLevel: 'warn',
    preview: { host: E2E_HOST, port, strictPort: true, open: false },
  });
  project.provide('baseUrl', `http://${E2E_HOST}:${port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
