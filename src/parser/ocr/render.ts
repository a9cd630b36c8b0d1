/**
 * PDF pages → greyscale images through PDFium (the same engine that reads the text layer), so the
 * CLI and the browser render scans identically. Rendered at `dpi` (scans are usually 150–300 dpi;
 * 200 keeps table digits ≈ 25 px high, enough for the recogniser, without wasting time).
 */
import { heapOf, type Pdfium } from '../extract/pdfium';
import { type GreyImage, toGrey } from './image';

/** Bounds: a page larger than this at the chosen dpi is scaled down to fit. */
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 10_000;

/**
 * Renders a page at the resolution of its largest embedded image (a scan's own pixels: no
 * resampling blur), else at `dpi`. `scratch` is 8 bytes of PDFium memory.
 */
export function renderPage(pdfium: Pdfium, page: number, dpi: number, scratch: number): GreyImage {
  const widthPt = pdfium.FPDF_GetPageWidthF(page);
  const heightPt = pdfium.FPDF_GetPageHeightF(page);
  let scale = nativeScale(pdfium, page, widthPt, scratch) ?? dpi / 72;
  scale = Math.min(scale, MAX_SIDE / Math.max(1, widthPt), MAX_SIDE / Math.max(1, heightPt));
  if (widthPt * heightPt * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (widthPt * heightPt));
  const width = Math.max(1, Math.round(widthPt * scale));
  const height = Math.max(1, Math.round(heightPt * scale));
  const bitmap = pdfium.FPDFBitmap_Create(width, height, 0);
  if (!bitmap) throw new Error(`page too large to render (${width}×${height})`);
  try {
    pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
    // FPDF_ANNOT (0x01) | FPDF_GRAYSCALE (0x08) is not needed: we convert ourselves. 0x10 = FPDF_PRINTING.
    pdfium.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, 0x10);
    const stride = pdfium.FPDFBitmap_GetStride(bitmap);
    const ptr = pdfium.FPDFBitmap_GetBuffer(bitmap);
    const heap = heapOf(pdfium).HEAPU8;
    return toGrey(heap.subarray(ptr, ptr + stride * height), width, height, stride, 'bgra');
  } finally {
    pdfium.FPDFBitmap_Destroy(bitmap);
  }
}

/** Pixels per point of the widest image on the page, when it spans most of the page width. */
function nativeScale(pdfium: Pdfium, page: number, widthPt: number, scratch: number): number | null {
  let best = 0;
  const count = Math.min(pdfium.FPDFPage_CountObjects(page), 10_000);
  for (let i = 0; i < count; i++) {
    const obj = pdfium.FPDFPage_GetObject(page, i);
    if (pdfium.FPDFPageObj_GetType(obj) !== 3) continue; // FPDF_PAGEOBJ_IMAGE
    if (!pdfium.FPDFImageObj_GetImagePixelSize(obj, scratch, scratch + 4)) continue;
    const heap = heapOf(pdfium).HEAPU8;
    const w =
      heap[scratch]! | (heap[scratch + 1]! << 8) | (heap[scratch + 2]! << 16) | (heap[scratch + 3]! << 24);
    best = Math.max(best, w >>> 0);
  }
  if (best === 0 || widthPt <= 0) return null;
  // At most 400 dpi and never below the page size in points, a 1200 dpi scan reduced.
  return Math.min(400 / 72, Math.max(1, best / widthPt));
}
