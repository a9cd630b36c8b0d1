/**
 * A scan whose figures were damaged (a digit whited out, a cell smudged), made here from the
 * corpus scan: the damaged cells come back marked uncertain or failing a check, never as
 * confident wrong numbers, and every other cell reads as before. Runs the real OCR (slow).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/domain/report';
import type { DocLine } from '../../../src/parser/document';
import { heapOf, loadPdfium } from '../../../src/parser/extract/pdfium';
import { ocrPages, type PageImage } from '../../../src/parser/ocr/document';
import { estimateSkew, inkMask } from '../../../src/parser/ocr/grid';
import { type GreyImage, inkThreshold, rotate } from '../../../src/parser/ocr/image';
import { renderPage } from '../../../src/parser/ocr/render';
import { parseDocument } from '../../../src/parser/parse';
import { corpusFile, hasCorpus, NO_CORPUS } from '../extract/helpers';

const FILE = '洪泽区_2024_扫描件.pdf';

/** Pages 3 and 4 (table 三 and 四) rendered and straightened, as ocrPage would see them. */
async function pages(): Promise<PageImage[]> {
  const pdfium = await loadPdfium();
  const bytes = corpusFile(FILE);
  const heap = heapOf(pdfium);
  const data = heap.wasmExports.malloc(bytes.length);
  const scratch = heap.wasmExports.malloc(16);
  heap.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  const out: PageImage[] = [];
  for (const n of [2, 3]) {
    const page = pdfium.FPDF_LoadPage(doc, n);
    const image = renderPage(pdfium, page, 200, scratch);
    const dpi = (image.width / pdfium.FPDF_GetPageWidthF(page)) * 72;
    pdfium.FPDF_ClosePage(page);
    const skew = estimateSkew(inkMask(image, inkThreshold(image)), image.width, image.height);
    out.push({ image: rotate(image, skew), dpi });
  }
  pdfium.FPDF_CloseDocument(doc);
  heap.wasmExports.free(scratch);
  heap.wasmExports.free(data);
  return out;
}

async function read(images: PageImage[]): Promise<{ lines: DocLine[]; report: Report }> {
  const doc = await ocrPages(images.length, (n) => images[n]!);
  const out = parseDocument(doc, FILE);
  if (!out.ok) throw new Error(out.reason);
  return { lines: doc.lines, report: out.report };
}

/** The box of value cell `index` (0 = 自然人) on the table row whose label contains `label`. */
function cellBox(lines: DocLine[], label: string, index: number): [number, number, number, number] {
  const row = lines.find((l) => l.origin === 'table' && l.cells.some((c) => c.includes(label)));
  if (!row) throw new Error(`no row ${label}: ${lines.map((l) => l.cells.join('|')).join('\n')}`);
  const values = row.ocr!.filter((_, i) => /^\d+$/.test(row.cells[i]!));
  return values[index]!.box;
}

function paint(
  img: GreyImage,
  [x0, y0, x1, y1]: number[],
  shade: (x: number, y: number) => number | null,
): void {
  for (let y = Math.round(y0!); y < y1!; y++) {
    for (let x = Math.round(x0!); x < x1!; x++) {
      const v = shade(x, y);
      if (v !== null) img.data[y * img.width + x] = v;
    }
  }
}

describe.skipIf(!hasCorpus)(`OCR of a damaged scan${hasCorpus ? '' : ` (${NO_CORPUS})`}`, () => {
  it('marks a whited-out digit and a smudged cell, and reads every other cell as before', async () => {
    const clean = await pages();
    const before = await read(clean);
    expect(before.report.table3.new_received?.natural_person).toBe(95);

    const damaged = clean.map((p) => ({ ...p, image: { ...p.image, data: p.image.data.slice() } }));
    const page = damaged[0]!.image;
    // White-out: the left half of 95's cell (its 9).
    const [ax0, ay0, ax1, ay1] = cellBox(before.lines, '本年新收', 0);
    paint(page, [ax0 + 4, ay0 + 4, (ax0 + ax1) / 2, ay1 - 4], () => 255);
    // Smudge: a grey blot over the 0 of 予以公开 / 商业企业.
    const [bx0, by0, bx1, by1] = cellBox(before.lines, '予以公开', 1);
    const cx = (bx0 + bx1) / 2;
    const cy = (by0 + by1) / 2;
    const r = Math.min(bx1 - bx0, by1 - by0) * 0.4;
    paint(page, [bx0, by0, bx1, by1], (x, y) => ((x - cx) ** 2 + (y - cy) ** 2 < r * r ? 70 : null));

    const after = (await read(damaged)).report;
    const damagedSeen: string[] = [];
    const flagged = (row: string, col: string) =>
      after.checks.some(
        (c) =>
          (c.rule === 'ocr.uncertain_cell' && c.where === `table3.${row}.${col}`) ||
          (c.rule !== 'ocr.uncertain_cell' &&
            (c.where.startsWith(`table3.${row}.`) || c.where === `table3.*.${col}`)) ||
          // A smudge read as a non-figure leaves the row unread: the table is reported incomplete.
          (c.rule === 'incomplete' && c.where === 'table3' && c.message.includes(row)),
      );
    for (const [row, col] of [
      ['new_received', 'natural_person'],
      ['granted', 'commercial'],
    ] as const) {
      const was = before.report.table3[row]?.[col];
      const now = after.table3[row]?.[col];
      if (now !== was) expect(flagged(row, col), `${row}.${col}: read ${now} for ${was}`).toBe(true);
      damagedSeen.push(`${row}.${col}: ${was} → ${now} ${flagged(row, col) ? 'flagged' : ''}`);
    }
    console.info(`damaged cells: ${damagedSeen.join('; ')}`);
    // Nothing else changes silently: a cell that does not read as before (a neighbour of the
    // smudge) is flagged too, never a confident different number.
    for (const [row, cols] of Object.entries(before.report.table3)) {
      for (const [col, v] of Object.entries(cols)) {
        const now = after.table3[row]?.[col];
        if (now !== v) expect(flagged(row, col), `${row}.${col}: read ${now} for ${v}`).toBe(true);
      }
    }
  }, 600_000);
});
