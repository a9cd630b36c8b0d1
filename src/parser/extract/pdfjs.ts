/**
 * Where pdf.js comes from. Node: the legacy build, with its worker module loaded into this
 * thread (a "fake worker": no thread or process per file, which is what makes batch parsing
 * fast). Browser: the normal build with its worker served from our own bundle. A caller
 * with other needs (tests, a custom worker) injects its own module with `usePdfJs`.
 * Nothing here touches the network: no CDN worker URL, no font or CMap fetching from a URL.
 */
export type PdfJs = typeof import('pdfjs-dist');

export interface LoadedPdfJs {
  lib: PdfJs;
  /** Local directory of pdf.js's packed CMaps (Node only): CJK PDFs with non-embedded fonts need them. */
  cMapUrl?: string;
}

let loaded: Promise<LoadedPdfJs> | undefined;

/** Overrides the pdf.js module used by `extractPdf` (e.g. one with a configured workerPort). */
export function usePdfJs(lib: PdfJs | Promise<PdfJs>, cMapUrl?: string): void {
  loaded = Promise.resolve(lib).then((l) => ({ lib: l, cMapUrl }));
}

export function loadPdfJs(): Promise<LoadedPdfJs> {
  loaded ??= isNode() ? loadForNode() : loadForBrowser();
  return loaded;
}

function isNode(): boolean {
  return (
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string' &&
    typeof window === 'undefined'
  );
}

async function loadForNode(): Promise<LoadedPdfJs> {
  // The legacy build's core-js polyfills replace Array.prototype.push and JSON.parse/stringify
  // on Node 20 (over V8 edge cases pdf.js never hits) with much slower versions, for the whole
  // process. Put the native ones back once pdf.js has been evaluated.
  const nativePush = Array.prototype.push;
  const { parse, stringify } = JSON;
  // Non-literal specifiers keep bundlers from pulling the Node-only build into the web app.
  const api = 'pdfjs-dist/legacy/build/pdf.mjs';
  const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  const lib = (await import(/* @vite-ignore */ api)) as PdfJs;
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(/* @vite-ignore */ worker);
  Array.prototype.push = nativePush;
  JSON.parse = parse;
  JSON.stringify = stringify;
  // pdf.js 5 inflates every Flate stream through DecompressionStream when there is one. On Node
  // that is a JS web-streams wrapper around zlib on the thread pool: measured on 洪泽区_2024.pdf,
  // 196 ms CPU per file with it and 129 ms with pdf.js's own synchronous inflate (it falls back
  // to that when the global is missing). Nothing else in the parser or the CLI uses it.
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

  const nodeModule = 'node:module';
  const { createRequire } = (await import(/* @vite-ignore */ nodeModule)) as typeof import('node:module');
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return { lib, cMapUrl: pkg.replace(/package\.json$/, 'cmaps/') };
}

async function loadForBrowser(): Promise<LoadedPdfJs> {
  const lib = await import('pdfjs-dist');
  const { default: workerUrl } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  lib.GlobalWorkerOptions.workerSrc = workerUrl;
  return { lib };
}
