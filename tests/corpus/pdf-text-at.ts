/**
 * The text a PDF's text layer holds inside a box (points from the displayed page's top-left,
 * y downwards, as the parser records `src_` boxes), read back through PDFium's own bounded-text
 * call: an independent reading of the place, not the parser's run building.
 */
import { heapOf, loadPdfium } from '../../src/parser/extract/pdfium';

export type TextAt = (page: number, box: readonly [number, number, number, number]) => string;

export async function pdfTextAt(bytes: Uint8Array): Promise<{ textAt: TextAt; close: () => void }> {
  const pdfium = await loadPdfium();
  const heap = heapOf(pdfium);
  const data = heap.wasmExports.malloc(bytes.length);
  heap.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  const scratch = heap.wasmExports.malloc(4096);
  const textAt: TextAt = (page, [x0, y0, x1, y1]) => {
    const p = pdfium.FPDF_LoadPage(doc, page - 1);
    const text = pdfium.FPDFText_LoadPage(p);
    try {
      // Rotated pages are not in the corpus: display space is page space less the box origin.
      if (pdfium.FPDFPage_GetRotation(p) !== 0) throw new Error(`page ${page} is rotated`);
      pdfium.FPDF_GetPageBoundingBox(p, scratch);
      const b = heapOf(pdfium).HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4);
      const [left, top] = [b[0]!, b[1]!];
      const args = [left + x0, top - y0, left + x1, top - y1] as const;
      const n = pdfium.FPDFText_GetBoundedText(text, ...args, 0, 0);
      if (n <= 0) return '';
      const buf = heap.wasmExports.malloc(2 * (n + 1));
      try {
        const got = pdfium.FPDFText_GetBoundedText(text, ...args, buf, n);
        const u16 = new Uint16Array(heapOf(pdfium).HEAPU8.buffer, buf, got);
        return String.fromCharCode(...u16).replace(/\0/g, '');
      } finally {
        heap.wasmExports.free(buf);
      }
    } finally {
      pdfium.FPDFText_ClosePage(text);
      pdfium.FPDF_ClosePage(p);
    }
  };
  return {
    textAt,
    close: () => {
      pdfium.FPDF_CloseDocument(doc);
      heap.wasmExports.free(scratch);
      heap.wasmExports.free(data);
    },
  };
}
