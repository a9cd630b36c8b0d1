/** What the tests of a dataset's shipped files (first-view.json, anomalies.json) share. */
import { vi } from 'vitest';

/** The four contract files' hashes, short for reading. */
export const HASH = { reports: 'a', cells: 'b', checks: 'c', regions: 'd' } as const;

/** As the loader hands them over: one promise per table. */
export const hashes = () => ({
  reports: Promise.resolve(HASH.reports),
  cells: Promise.resolve(HASH.cells),
  checks: Promise.resolve(HASH.checks),
  regions: Promise.resolve(HASH.regions),
});

/** As a shipped file names them: by file name. */
export const SOURCES = {
  'reports.parquet': HASH.reports,
  'cells.parquet': HASH.cells,
  'checks.parquet': HASH.checks,
  'regions.parquet': HASH.regions,
};

export const BASE = new URL('http://app.test/data/');

/** Every fetch answers `body`; returns the URLs asked for. */
export function serve(body: string, headers: Record<string, string> = {}): string[] {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    requested.push(url.href);
    return new Response(body, { headers });
  });
  return requested;
}
