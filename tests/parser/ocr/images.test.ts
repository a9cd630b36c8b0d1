/**
 * Page photos: a JPEG of a table page made here from the corpus scan reads cell by cell like the
 * PDF page (real OCR: one page); a broken image is a clear error before any model loads.
 */
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { NotAReportError } from '../../../src/parser/document';
import { extractDocument } from '../../../src/parser/extract';
import { heapOf, loadPdfium } from '../../../src/parser/extract/pdfium';
import { renderPage } from '../../../src/parser/ocr/render';
import { corpusFile, hasCorpus, NO_CORPUS } from '../extract/helpers';

describe('page images', () => {
  it('names a broken image', async () => {
    const cut = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
    await expect(extractDocument(cut, 'photo.jpg')).rejects.toThrow(NotAReportError);
    await expect(extractDocument(cut, 'photo.jpg')).rejects.toThrow(/^photo\.jpg: IMAGE could not be read/);
  });

  it.skipIf(!hasCorpus)(
    `reads a JPEG photo of a table page cell by cell${hasCorpus ? '' : ` (${NO_CORPUS})`}`,
    async () => {
      const pdfium = await loadPdfium();
      const bytes = corpusFile('洪泽区_2024_扫描件.pdf');
      const heap = heapOf(pdfium);
      const data = heap.wasmExports.malloc(bytes.length);
      const scratch = heap.wasmExports.malloc(16);
      heap.HEAPU8.set(bytes, data);
      const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
      const page = pdfium.FPDF_LoadPage(doc, 2);
      const full = renderPage(pdfium, page, 200, scratch);
      pdfium.FPDF_ClosePage(page);
      pdfium.FPDF_CloseDocument(doc);
      heap.wasmExports.free(scratch);
      heap.wasmExports.free(data);
      // The page as a photo-like JPEG.
      const part = full;
      const rgba = new Uint8Array(part.width * part.height * 4);
      for (let i = 0; i < part.data.length; i++)
        rgba.fill(part.data[i]!, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
      const photo = jpeg.encode({ data: rgba, width: part.width, height: part.height }, 85).data;
      const read = await extractDocument(new Uint8Array(photo), 'page.jpg');
      expect(read.kind).toBe('ocr');
      const row = read.lines.find((l) => l.origin === 'table' && l.cells.some((c) => c.includes('本年新收')));
      expect(row?.cells.slice(-7)).toEqual(['95', '0', '0', '0', '0', '0', '95']);
    },
    300_000,
  );
});
