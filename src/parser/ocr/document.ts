/** Page images → one extracted document, page by page, with progress and cancel. */
import type { ParseOptions } from '../api';
import type { Box, DocLine, ExtractedDocument } from '../document';
import { linesToText } from '../extract/normalize';
import { loadRecogniser } from './engine';
import type { GreyImage } from './image';
import { ocrPage } from './page';

/** A page to read: its image and resolution (dots per inch; 200 when unknown). */
export interface PageImage {
  image: GreyImage;
  dpi: number;
  /**
   * Points (1/72 in) of the page per image pixel, for a rendered PDF page (its page size over
   * the rendered width); absent for a photo or scan image: then 72 / dpi.
   */
  pointsPerPixel?: number;
}

/**
 * A page image's resolution, from its size: report pages are A4 (or Letter, nearly as wide), so
 * the short side spans ≈ 8.3 inches. Scanned PDFs often declare a page size that is not the
 * paper's (a 200 dpi scan placed as if at 96 dpi), so the image is trusted, not the PDF.
 */
export function pageDpi(image: GreyImage): number {
  return Math.min(600, Math.max(72, Math.min(image.width, image.height) / A4_WIDTH_IN));
}

const A4_WIDTH_IN = 8.27;

export class OcrCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'OcrCancelled';
  }
}

/** Reads `count` pages in order; `page(n)` renders or decodes page n only when it is its turn. */
export async function ocrPages(
  count: number,
  page: (n: number) => PageImage | Promise<PageImage>,
  options: ParseOptions = {},
): Promise<ExtractedDocument> {
  // The first page is rendered or decoded before the model loads: a broken file fails at once.
  let next: PageImage | null = count > 0 ? await page(0) : null;
  const rec = await loadRecogniser();
  const lines: DocLine[] = [];
  let tables = 0;
  for (let n = 0; n < count; n++) {
    // A macrotask turn between pages: in a worker, the cancel message can only arrive then.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) throw new OcrCancelled();
    options.onProgress?.({ page: n, pages: count });
    const { image, dpi, pointsPerPixel } = next ?? (await page(n));
    next = null;
    const read = await ocrPage(image, dpi, n + 1, tables, rec);
    tables += read.tables;
    const scale = pointsPerPixel ?? 72 / dpi;
    for (const line of read.lines) {
      // Cell boxes in points, like a text-layer PDF's (src/parser/document.ts `boxes`).
      if (line.ocr)
        line.boxes = line.ocr.map((c) => (c ? (c.box.map((v) => round2(v * scale)) as Box) : null));
      lines.push(line);
    }
  }
  if (options.signal?.aborted) throw new OcrCancelled();
  options.onProgress?.({ page: count, pages: count });
  return { kind: 'ocr', lines, text: linesToText(lines) };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
