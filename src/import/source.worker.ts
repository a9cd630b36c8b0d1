/**
 * Shows an imported report's original where a figure was printed: renders one PDF page (PDFium,
 * as the parser reads it) or returns the lines of a text or HTML file around a place. Its own
 * worker, started when the Report view first asks, so the import worker's queue never waits on it.
 * Messages: SourceRequest → SourceResponse (the page's pixels are transferred, not copied).
 */
// First: no network beyond the origin before any parser module runs.
import '../workers/lock-this-worker';
import { NotAReportError } from '../parser/document';
import { extractDocument } from '../parser/extract';
import { heapOf, loadPdfium } from '../parser/extract/pdfium';

export type SourceRequest =
  | { id: number; kind: 'page'; bytes: Uint8Array; page: number; width: number }
  | { id: number; kind: 'lines'; bytes: Uint8Array; fileName: string; place: LinePlace };

/** A text line (1-based), or a grid row: table and row, 1-based, as in the `src_` columns. */
export type LinePlace = { line: number } | { table: number; row: number };

export interface RenderedPage {
  width: number;
  height: number;
  /** The page in points, as displayed: the scale of the `src_` boxes. */
  widthPt: number;
  heightPt: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/** Lines of the original around the place (a grid row alone), each with its 1-based number and its cells. */
export interface SourceLines {
  lines: { n: number; cells: string[]; at: boolean }[];
}

export type SourceResponse =
  | { id: number; ok: true; page: RenderedPage }
  | { id: number; ok: true; lines: SourceLines }
  | { id: number; ok: false; reason: string };

/** Pixels at most on either side: a page is shown a few hundred pixels wide. */
const MAX_SIDE = 4000;
const CONTEXT = 2;

async function renderPage(bytes: Uint8Array, pageNumber: number, width: number): Promise<RenderedPage> {
  const pdfium = await loadPdfium();
  const heap = heapOf(pdfium);
  const data = heap.wasmExports.malloc(Math.max(1, bytes.length));
  if (!data) throw new Error('PDF too large for the PDF engine’s memory');
  heap.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  try {
    if (!doc) throw new Error('the PDF could not be opened');
    if (pageNumber < 1 || pageNumber > pdfium.FPDF_GetPageCount(doc))
      throw new Error(`no page ${pageNumber}`);
    const page = pdfium.FPDF_LoadPage(doc, pageNumber - 1);
    if (!page) throw new Error(`page ${pageNumber} could not be read`);
    try {
      const widthPt = pdfium.FPDF_GetPageWidthF(page);
      const heightPt = pdfium.FPDF_GetPageHeightF(page);
      const scale = Math.min(width / widthPt, MAX_SIDE / widthPt, MAX_SIDE / heightPt);
      const w = Math.max(1, Math.round(widthPt * scale));
      const h = Math.max(1, Math.round(heightPt * scale));
      const bitmap = pdfium.FPDFBitmap_Create(w, h, 0);
      if (!bitmap) throw new Error('page too large to render');
      try {
        pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, w, h, 0xffffffff);
        // 0x01 FPDF_ANNOT | 0x10 FPDF_PRINTING: the page as printed, with its form fields.
        pdfium.FPDF_RenderPageBitmap(bitmap, page, 0, 0, w, h, 0, 0x01 | 0x10);
        const stride = pdfium.FPDFBitmap_GetStride(bitmap);
        const ptr = pdfium.FPDFBitmap_GetBuffer(bitmap);
        const src = heapOf(pdfium).HEAPU8;
        const rgba = new Uint8ClampedArray(w * h * 4);
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const s = ptr + y * stride + x * 4;
            const d = (y * w + x) * 4;
            rgba[d] = src[s + 2]!;
            rgba[d + 1] = src[s + 1]!;
            rgba[d + 2] = src[s]!;
            rgba[d + 3] = 255;
          }
        }
        return { width: w, height: h, widthPt, heightPt, rgba };
      } finally {
        pdfium.FPDFBitmap_Destroy(bitmap);
      }
    } finally {
      pdfium.FPDF_ClosePage(page);
    }
  } finally {
    if (doc) pdfium.FPDF_CloseDocument(doc);
    heap.wasmExports.free(data);
  }
}

async function sourceLines(bytes: Uint8Array, fileName: string, place: LinePlace): Promise<SourceLines> {
  const doc = await extractDocument(bytes, fileName);
  let at = -1;
  if ('line' in place) at = place.line - 1;
  else {
    let row = 0;
    at = doc.lines.findIndex(
      (l) => l.origin === 'table' && l.table === place.table - 1 && row++ === place.row - 1,
    );
  }
  if (at < 0 || at >= doc.lines.length) throw new Error('the place is not in the file');
  const from = Math.max(0, at - CONTEXT);
  const to = Math.min(doc.lines.length, at + CONTEXT + 1);
  // A grid row stands alone (its neighbours are other rows of the table, shown by the Report view).
  const range = 'line' in place ? [from, to] : [at, at + 1];
  const lines: SourceLines['lines'] = [];
  for (let i = range[0]!; i < range[1]!; i++) {
    // Numbered as the place names it: a text line by its line, a grid row by its row in the table.
    const n = 'line' in place ? i + 1 : place.row;
    lines.push({ n, cells: doc.lines[i]!.cells.map((c) => c.slice(0, 2000)), at: i === at });
  }
  return { lines };
}

self.onmessage = async (e: MessageEvent<SourceRequest>) => {
  const r = e.data;
  const post = (m: SourceResponse, transfer: ArrayBuffer[] = []) =>
    (self as unknown as Worker).postMessage(m, transfer);
  try {
    if (r.kind === 'page') {
      const page = await renderPage(r.bytes, r.page, r.width);
      post({ id: r.id, ok: true, page }, [page.rgba.buffer]);
    } else post({ id: r.id, ok: true, lines: await sourceLines(r.bytes, r.fileName, r.place) });
  } catch (error) {
    const reason =
      error instanceof NotAReportError
        ? error.reason
        : error instanceof Error
          ? error.message
          : String(error);
    post({ id: r.id, ok: false, reason: reason.slice(0, 300) });
  }
};
