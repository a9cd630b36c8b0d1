/**
 * Build the production bundle once and serve dist/ with `vite preview` on 127.0.0.1 for the
 * whole e2e run. E2E_PORT overrides the port (4173); E2E_SKIP_BUILD=1 reuses an existing dist/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

export const E2E_HOST = '127.0.0.1';
/** Folder of the generated dataset under dist/ (a dataset URL parameter value). */
export const E2E_SYNTHETIC = 'e2e-synthetic/';
/** The bundled dataset's four files without its derived/ folder (loaded the long way). */
export const E2E_PLAIN = 'e2e-plain/';
/** The bundled dataset's files with another dataset's derived/ folder (hashes do not match). */
export const E2E_STALE = 'e2e-stale/';

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
  // A small generated dataset next to the bundled one, to check the synthetic-data banner and
  // the dataset URL parameter (public/data/synthetic is gitignored, so make our own).
  if (!existsSync(`dist/${E2E_SYNTHETIC}reports.parquet`)) {
    execFileSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'cli/main.ts',
        'synth',
        '--out',
        `dist/${E2E_SYNTHETIC}`,
        '--years',
        '2019-2022',
        // Provinces holding same-named counties (鼓楼区 in 南京 and 福州, 朝阳区 in 北京 and 长春,
        // 城关区 in 拉萨 and 兰州): tests/e2e/identity.e2e.ts keeps them apart.
        '--provinces',
        '11,22,32,35,54,62',
        '--quiet',
      ],
      { stdio: 'ignore' },
    );
  }
  for (const dir of [E2E_PLAIN, E2E_STALE]) {
    rmSync(`dist/${dir}`, { recursive: true, force: true });
    mkdirSync(`dist/${dir}`, { recursive: true });
    for (const f of ['reports', 'cells', 'checks', 'regions'])
      copyFileSync(`dist/data/${f}.parquet`, `dist/${dir}${f}.parquet`);
  }
  cpSync(`dist/${E2E_SYNTHETIC}derived`, `dist/${E2E_STALE}derived`, { recursive: true });
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
