/**
 * The default dataset's files are asked for by index.html itself (`<link rel="preload"
 * as="fetch" crossorigin>`, which the loader's `fetch` then reuses), not once the entry script is
 * downloaded, parsed and evaluated (~0.3 s on a 2-core machine): the four contract files, which
 * every load fetches first, and `derived/first-view.json`, from which the first view is drawn
 * while DuckDB starts (src/db/first-view.ts). Interleaved A/B, 9 cold navigations each: first
 * chart 1,367 → 1,009 ms. A link naming another dataset (`data=`) wastes these requests: the
 * bundled dataset is ~0.2 MB and revalidated (scripts/cache.ts), so it costs little.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * What index.html preloads, relative to the page (the app is built with `base: './'`): the
 * default dataset (src/state/defaults.ts), its contract files (src/dataset/rows.ts) and first-view
 * answers (src/dataset/first-view.ts). Written out because Vite loads this config without
 * resolving the app's modules; tests/scripts/preload.test.ts checks it against those constants.
 */
export const PRELOADED: readonly string[] = [
  'data/reports.parquet',
  'data/cells.parquet',
  'data/checks.parquet',
  'data/regions.parquet',
  'data/derived/first-view.json',
];

export function preloadPlugin(): Plugin {
  return {
    name: 'preload-default-dataset',
    transformIndexHtml: () =>
      PRELOADED.map(
        (href): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'preload', href, as: 'fetch', crossorigin: '' },
          injectTo: 'head',
        }),
      ),
  };
}
