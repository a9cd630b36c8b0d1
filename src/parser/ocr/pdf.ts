/**
 * A PDF without a text layer (a scan) → OCR, page by page: PDFium renders each page at its
 * image's own resolution, `ocrPage` reads its tables cell by cell and its text line by line.
 */
import { refusal } from '../../domain/refusals';
import type { ParseOptions } from '../api';
import { type ExtractedDocument, NotAReportError } from '../document';
import { LimitExceeded } from '../extract/limits';
import { heapOf, type Pdfium } from '../extract/pdfium';
import { ocrPages, pageDpi } from './document';
import { renderPage } from './render';

/** Pages OCR'd at most (a scanned annual report runs to 5–20 pages). */
export const MAX_OCR_PAGES = 60;

export async function ocrPdf(
  pdfium: Pdfium,
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ExtractedDocument> {
  const heap = heapOf(pdfium);
  const data = heap.wasmExports.malloc(Math.max(1, bytes.length));
  const scratch = heap.wasmExports.malloc(16);
  if (!data || !scratch) {
    heap.wasmExports.free(data);
    heap.wasmExports.free(scratch);
    throw new NotAReportError(fileName, refusal('pdfMemory'));
  }
  heapOf(pdfium).HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  try {
    if (!doc) throw new NotAReportError(fileName, refusal('pdfOcrOpen'));
    const count = pdfium.FPDF_GetPageCount(doc);
    if (count > MAX_OCR_PAGES) {
      throw new LimitExceeded(refusal('ocrPages', { n: count, limit: MAX_OCR_PAGES }));
    }
    return await ocrPages(
      count,
      (n) => {
        const page = pdfium.FPDF_LoadPage(doc, n);
        if (!page) throw new NotAReportError(fileName, refusal('pdfPage', { page: n + 1 }));
        try {
          const image = renderPage(pdfium, page, 200, scratch);
          const pointsPerPixel = pdfium.FPDF_GetPageWidthF(page) / image.width;
          return { image, dpi: pageDpi(image), pointsPerPixel };
        } finally {
          pdfium.FPDF_ClosePage(page);
        }
      },
      options,
    );
  } finally {
    if (doc) pdfium.FPDF_CloseDocument(doc);
    heap.wasmExports.free(scratch);
    heap.wasmExports.free(data);
  }
}
