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

/** The module the default view (src/state/defaults.ts: compare) is drawn by (src/app/views.ts). */
export const DEFAULT_VIEW_MODULE = 'src/ui/views/compare/CompareView.tsx';

/**
 * index.html names the default view's chunk and the chunks it imports (`<link
 * rel="modulepreload">`): the browser fetches and compiles them while the entry script is
 * compiled and run, and Vite's runtime, finding them in the document, adds no link of its own
 * (it did, from the entry's first run: ~12 ms of the main thread on a repeat visit).
 */
export function preloadViewPlugin(): Plugin {
  return {
    name: 'preload-default-view',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const view = chunks.find((c) => c.facadeModuleId?.endsWith(DEFAULT_VIEW_MODULE));
        if (!view) throw new Error(`preload-default-view: no chunk for ${DEFAULT_VIEW_MODULE}`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files: string[] = [];
        const visit = (file: string) => {
          const c = byName.get(file);
          if (!c || c.isEntry || files.includes(file)) return;
          files.push(file);
          for (const dep of c.imports) visit(dep);
        };
        visit(view.fileName);
        return files.map(
          (file): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` },
            injectTo: 'head',
          }),
        );
      },
    },
  };
}
