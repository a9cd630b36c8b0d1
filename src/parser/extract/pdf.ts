import { type Refusal, refusal } from '../../domain/refusals';
import type { ParseOptions } from '../api';
import { type ExtractedDocument, NotAReportError } from '../document';
import { limitRefusal, MAX_PDF_PAGES } from './limits';
import { linesToText } from './normalize';
import { readPageItems } from './pdf-chars';
import { EndOfTables } from './pdf-end';
import { buildPdfLines, type PdfPage } from './pdf-lines';
import { heapOf, loadPdfium, type Pdfium } from './pdfium';

/**
 * PDF → lines, from the text layer's positioned characters (PDFium, see `readPageItems` and
 * `buildPdfLines` for the layout rules). Fonts are never rendered or fetched; a PDF without any
 * text (a scan) goes to OCR (src/parser/ocr/); one PDFium cannot open is a NotAReportError.
 */
export async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ExtractedDocument> {
  const pdfium = await loadPdfium();
  const { pages, images } = readPages(pdfium, bytes, fileName);
  if (pages.every((p) => p.items.length === 0)) {
    if (!images) throw new NotAReportError(fileName, refusal('pdfNoText'));
    // A scan: read its page images (the OCR code loads only now).
    const { ocrPdf } = await import('../ocr/pdf');
    return ocrPdf(pdfium, bytes, fileName, options);
  }
  const lines = buildPdfLines(pages);
  return { kind: 'pdf', lines, text: linesToText(lines) };
}

/** Whether a page holds an image object (a scan's page picture). */
function hasImage(pdfium: Pdfium, page: number): boolean {
  const count = Math.min(pdfium.FPDFPage_CountObjects(page), 10_000);
  for (let i = 0; i < count; i++) {
    if (pdfium.FPDFPageObj_GetType(pdfium.FPDFPage_GetObject(page, i)) === 3) return true;
  }
  return false;
}

function readPages(
  pdfium: Pdfium,
  bytes: Uint8Array,
  fileName: string,
): { pages: PdfPage[]; images: boolean } {
  const heap = heapOf(pdfium);
  // PDFium reads the document from wasm memory for as long as it is open.
  const data = heap.wasmExports.malloc(Math.max(1, bytes.length));
  const scratch = heap.wasmExports.malloc(64);
  if (!data || !scratch) {
    heap.wasmExports.free(data);
    heap.wasmExports.free(scratch);
    throw new NotAReportError(fileName, refusal('pdfMemory'));
  }
  heap.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  try {
    if (!doc) throw new NotAReportError(fileName, openFailure(pdfium.FPDF_GetLastError()));
    const pages: PdfPage[] = [];
    let images = false;
    const end = new EndOfTables();
    const count = pdfium.FPDF_GetPageCount(doc);
    if (count > MAX_PDF_PAGES) throw new NotAReportError(fileName, limitRefusal.pdfPages(count));
    for (let n = 0; n < count && !end.reached; n++) {
      const page = pdfium.FPDF_LoadPage(doc, n);
      if (!page) throw new NotAReportError(fileName, refusal('pdfPage', { page: n + 1 }));
      try {
        const read = readPageItems(pdfium, page, scratch);
        pages.push(read);
        if (read.items.length === 0) images ||= hasImage(pdfium, page);
        end.see(read.items);
      } finally {
        pdfium.FPDF_ClosePage(page);
      }
    }
    return { pages, images };
  } finally {
    if (doc) pdfium.FPDF_CloseDocument(doc);
    heap.wasmExports.free(scratch);
    heap.wasmExports.free(data);
  }
}

/** PDFium's FPDF_GetLastError codes, as refusals. */
function openFailure(code: number): Refusal {
  if (code === 4) return refusal('pdfPassword');
  if (code === 5) return refusal('pdfSecurity');
  if (code === 3 || code === 2) return refusal('pdfDamaged');
  return refusal('pdfOpen', { code });
}
