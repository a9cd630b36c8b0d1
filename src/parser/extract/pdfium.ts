/**
 * Where PDFium comes from: @embedpdf/pdfium (MIT; PDFium itself is BSD-3/Apache-2.0), Chrome's
 * PDF engine compiled to WebAssembly, loaded once per process or page. Node reads the .wasm from
 * the package; the browser gets it from our own bundle (Vite `?url`). Nothing touches the
 * network: no CDN, no font fetching.
 *
 * Why not pdf.js (used until 2026-11): on 洪泽区_2024.pdf pdf.js 5 took 130–200 ms of CPU per file,
 * most of it converting embedded fonts for rendering, which text extraction never needs, plus
 * 2–7 s to load; PDFium reads the same text layer in ≈45 ms and loads in <0.1 s.
 */
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';

export type Pdfium = WrappedPdfiumModule;

/**
 * PDFium's memory as typed arrays (the package leaves their types to @types/emscripten). Read
 * the views afresh after every call: wasm memory may grow, which replaces them.
 */
export interface PdfiumHeap {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  wasmExports: { malloc: (size: number) => number; free: (ptr: number) => void };
}

export function heapOf(pdfium: Pdfium): PdfiumHeap {
  return pdfium.pdfium as unknown as PdfiumHeap;
}

let loaded: Promise<Pdfium> | undefined;

export function loadPdfium(): Promise<Pdfium> {
  loaded ??= (isNode() ? wasmForNode() : wasmForBrowser()).then(async (wasmBinary) => {
    const { init } = await import('@embedpdf/pdfium');
    const pdfium = await init({ wasmBinary });
    pdfium.PDFiumExt_Init();
    return pdfium;
  });
  // A failed load (e.g. a missing .wasm) must not stick: the next file tries again.
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

function isNode(): boolean {
  return (
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string' &&
    typeof window === 'undefined'
  );
}

async function wasmForNode(): Promise<ArrayBuffer> {
  // Non-literal specifiers keep bundlers from pulling Node built-ins into the web app.
  const nodeModule = 'node:module';
  const nodeFs = 'node:fs/promises';
  const { createRequire } = (await import(/* @vite-ignore */ nodeModule)) as typeof import('node:module');
  const { readFile } = (await import(/* @vite-ignore */ nodeFs)) as typeof import('node:fs/promises');
  const file = await readFile(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

async function wasmForBrowser(): Promise<ArrayBuffer> {
  const { default: url } = await import('@embedpdf/pdfium/pdfium.wasm?url');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`PDF engine not available (${response.status})`);
  return response.arrayBuffer();
}
