import type { PdfItem, PdfPage } from './pdf-lines';
import { heapOf, type Pdfium } from './pdfium';

/**
 * One page's text layer through PDFium, as positioned runs in display coordinates (page
 * rotation applied, y growing upwards, at the baseline): what `buildPdfLines` expects.
 *
 * PDFium reports characters, not the strings a content stream shows, so runs are rebuilt:
 * consecutive characters on one baseline, in one size, each starting where the previous one
 * ended (within 0.2 × size), form a run. Characters PDFium generates itself (the spaces and line
 * breaks it infers) are skipped; layout gaps are `buildPdfLines`' business.
 */
export function readPageItems(pdfium: Pdfium, page: number, scratch: number): PdfPage {
  const heap = heapOf(pdfium);
  const view = pageView(pdfium, page, scratch);
  const text = pdfium.FPDFText_LoadPage(page);
  const items: PdfItem[] = [];
  try {
    const count = pdfium.FPDFText_CountChars(text);
    let run: PdfItem | null = null;
    for (let i = 0; i < count; i++) {
      if (pdfium.FPDFText_IsGenerated(text, i) === 1) continue;
      const code = pdfium.FPDFText_GetUnicode(text, i);
      if (code === 0) continue;
      if (!pdfium.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8)) continue;
      const ox = heap.HEAPF64[scratch >> 3]!;
      const oy = heap.HEAPF64[(scratch >> 3) + 1]!;
      // Loose box: the glyph's advance, not its ink (a digit's box ends where the next one starts).
      const boxed = pdfium.FPDFText_GetLooseCharBox(text, i, scratch);
      const box = heap.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4);
      const [left, top, right, bottom] = boxed ? [box[0]!, box[1]!, box[2]!, box[3]!] : [ox, oy, ox, oy];
      pdfium.FPDFText_GetMatrix(text, i, scratch);
      const m = heap.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 6);
      // The font size is in text space; the matrix scales it to the page (Tf 240 × 0.05 = 12 pt).
      const size = pdfium.FPDFText_GetFontSize(text, i) * Math.hypot(m[2]!, m[3]!);
      const [x, y] = view.toDisplay(ox, oy);
      const [ax, ay] = view.toDisplay(left, top);
      const [bx, by] = view.toDisplay(right, bottom);
      const end = Math.max(ax, bx);
      // The glyph's vertical extent (its box, else the baseline and font size): the cell's box.
      const high = boxed ? Math.max(ay, by) : y + 0.8 * size;
      const low = boxed ? Math.min(ay, by) : y - 0.2 * size;
      const str = String.fromCodePoint(code);
      if (run && continues(run, x, y, size)) {
        run.str += str;
        run.width = Math.max(run.width, end - run.x);
        run.top = Math.max(run.top ?? high, high);
        run.bottom = Math.min(run.bottom ?? low, low);
        continue;
      }
      run = { str, x, y, width: end - x, size, top: high, bottom: low };
      items.push(run);
    }
  } finally {
    pdfium.FPDFText_ClosePage(text);
  }
  return { items, height: view.height };
}

function continues(run: PdfItem, x: number, y: number, size: number): boolean {
  const tolerance = 0.2 * Math.min(run.size, size);
  return (
    Math.abs(size - run.size) <= 0.05 * run.size &&
    Math.abs(y - run.y) <= tolerance &&
    x >= run.x + run.width - 0.5 * size &&
    x - (run.x + run.width) <= tolerance
  );
}

/**
 * Page space → display space, as a viewer shows the page: `/Rotate` turns it clockwise in steps
 * of 90°, and the origin is the displayed lower-left corner of the visible box.
 */
function pageView(
  pdfium: Pdfium,
  page: number,
  scratch: number,
): { height: number; toDisplay: (x: number, y: number) => [number, number] } {
  const heap = heapOf(pdfium);
  pdfium.FPDF_GetPageBoundingBox(page, scratch);
  const box = heap.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4);
  const [left, top, right, bottom] = [box[0]!, box[1]!, box[2]!, box[3]!];
  const w = right - left;
  const h = top - bottom;
  const rotation = ((pdfium.FPDFPage_GetRotation(page) % 4) + 4) % 4;
  const rel = (x: number, y: number): [number, number] => [x - left, y - bottom];
  switch (rotation) {
    case 1:
      return { height: w, toDisplay: (x, y) => ((p) => [p[1], w - p[0]])(rel(x, y)) as [number, number] };
    case 2:
      return { height: h, toDisplay: (x, y) => ((p) => [w - p[0], h - p[1]])(rel(x, y)) as [number, number] };
    case 3:
      return { height: w, toDisplay: (x, y) => ((p) => [h - p[1], p[0]])(rel(x, y)) as [number, number] };
    default:
      return { height: h, toDisplay: rel };
  }
}
