/**
 * One page image → lines of the extracted-document type: the ruled tables cell by cell (each
 * cell recognised on its own, so every printed 0 is a cell and a blank cell stays blank), and
 * the text outside the tables line by line. Each table cell keeps its recognition confidence.
 */
import type { DocLine, OcrCell } from '../document';
import { cleanText, joinSoft } from '../extract/normalize';
import { estimateSkew, findTables, inkMask, type Table } from './grid';
import { cropOnWhite, type GreyImage, inkThreshold, rotate } from './image';
import { type Box, cellInk, despeckle, textLines } from './ink';
import type { Recognised, Recogniser } from './recognize';

/** A cell whose weakest character the model gave less than this is marked uncertain. */
export const UNCERTAIN_BELOW = 0.9;

export interface PageResult {
  lines: DocLine[];
  /** Tables found on the page (for the next page's numbering). */
  tables: number;
}

interface Piece {
  box: Box;
  /** The cell's inside (crops stay within it), or the page. */
  clip: Box;
  /** For cells: the dust and rule slivers left out of the cell's ink (area-local), painted white. */
  dust?: Uint8Array;
  /** Where the text goes: a text line (index into `texts`), or a table cell. */
  target: { kind: 'text'; line: number } | { kind: 'cell'; table: number; row: number; cell: number };
}

const DIGITISH = /^[0-9OoDQlI|.,。〇○]+$/;
const HAS_DIGIT = /[0-9OoDQ。〇○]/;

export async function ocrPage(
  source: GreyImage,
  dpi: number,
  page: number,
  firstTable: number,
  rec: Recogniser,
): Promise<PageResult> {
  const unit = dpi / 200;
  let img = source;
  let mask = inkMask(img, inkThreshold(img));
  const skew = estimateSkew(mask, img.width, img.height);
  if (Math.abs(skew) > 0.0005) {
    img = rotate(img, skew);
    mask = inkMask(img, inkThreshold(img));
  }
  despeckle(mask, img.width, img.height, Math.max(4, Math.round(8 * unit * unit)));
  const tables = findTables(mask, img.width, img.height, dpi);

  const margin = 4 * unit;
  const inTable = (x: number, y: number) =>
    tables.some((t) => x >= t.x0 - margin && x <= t.x1 + margin && y >= t.y0 - margin && y <= t.y1 + margin);
  const pageBox = { x0: 0, y0: 0, x1: img.width, y1: img.height };
  const rough = textLines(mask, img.width, pageBox, 0, inTable);
  const charHeight =
    median(rough.filter((b) => b.x1 - b.x0 > 300 * unit).map((b) => b.y1 - b.y0)) ?? 30 * unit;
  const textBoxes = textLines(mask, img.width, pageBox, charHeight, inTable).filter(
    (b) => b.y1 - b.y0 >= 8 * unit && b.x1 - b.x0 >= 8 * unit,
  );

  const pieces: Piece[] = textBoxes.map((box, line) => ({
    box,
    clip: pageBox,
    target: { kind: 'text', line },
  }));
  tables.forEach((t, ti) => {
    t.rows.forEach((cells, ri) => {
      cells.forEach((c, ci) => {
        const inset = 5 * unit;
        const area = {
          x0: Math.round(c.x0 + inset),
          y0: Math.round(c.y0 + inset),
          x1: Math.round(c.x1 - inset),
          y1: Math.round(c.y1 - inset),
        };
        if (area.x1 <= area.x0 || area.y1 <= area.y0) return;
        const found = cellInk(mask, img.width, area, charHeight);
        if (!found) return;
        const local = { x0: 0, y0: 0, x1: area.x1 - area.x0, y1: area.y1 - area.y0 };
        for (const b of textLines(found.ink, local.x1, local, found.charHeight)) {
          if (b.y1 - b.y0 < 6 * unit && b.x1 - b.x0 < 6 * unit) continue;
          const box = { x0: b.x0 + area.x0, y0: b.y0 + area.y0, x1: b.x1 + area.x0, y1: b.y1 + area.y0 };
          pieces.push({
            box,
            clip: area,
            dust: found.dust,
            target: { kind: 'cell', table: ti, row: ri, cell: ci },
          });
        }
      });
    });
  });

  const crops = pieces.map((p) => {
    const h = p.box.y1 - p.box.y0;
    const dust = p.dust;
    const { x0, y0 } = p.clip;
    const w = p.clip.x1 - p.clip.x0;
    const hh = p.clip.y1 - p.clip.y0;
    // Everything but dust and its 1-pixel fringe (the grey image keeps faint strokes the mask missed).
    const keep = dust
      ? (x: number, y: number) => {
          for (let dy = -1; dy <= 1; dy++) {
            const yy = y - y0 + dy;
            if (yy < 0 || yy >= hh) continue;
            for (let dx = -1; dx <= 1; dx++) {
              const xx = x - x0 + dx;
              if (xx >= 0 && xx < w && dust[yy * w + xx]) return false;
            }
          }
          return true;
        }
      : undefined;
    return cropOnWhite(img, p.box, p.clip, Math.max(4, h * 0.4), Math.max(3, h * 0.2), keep);
  });
  const read = await rec.read(crops);

  // Cell texts and confidences.
  const cellText = new Map<string, { text: string; confidence: number; uncertain?: string }>();
  const lineText: string[] = textBoxes.map(() => '');
  pieces.forEach((p, i) => {
    const r = read[i]!;
    if (p.target.kind === 'text') {
      lineText[p.target.line] = cleanText(r.text);
      return;
    }
    const key = `${p.target.table}/${p.target.row}/${p.target.cell}`;
    const got = cellReading(r);
    const prev = cellText.get(key);
    if (prev) {
      prev.text = joinSoft(prev.text, got.text);
      prev.confidence = Math.min(prev.confidence, got.confidence);
      prev.uncertain ??= got.uncertain;
    } else cellText.set(key, got);
  });

  // Reading order: text lines and table rows by their top edge.
  const items: { y: number; line: DocLine }[] = textBoxes.map((b, i) => ({
    y: b.y0,
    line: { cells: [lineText[i]!], origin: 'text', page },
  }));
  tables.forEach((t: Table, ti) => {
    t.rows.forEach((cells, ri) => {
      if (cells.length === 0) return;
      const texts: string[] = [];
      const ocr: OcrCell[] = [];
      cells.forEach((c, ci) => {
        const got = cellText.get(`${ti}/${ri}/${ci}`);
        texts.push(got?.text ?? '');
        const cell: OcrCell = {
          confidence: got ? round3(got.confidence) : 1,
          page,
          box: [c.x0, c.y0, c.x1, c.y1].map(Math.round) as [number, number, number, number],
        };
        if (got?.uncertain) cell.uncertain = got.uncertain;
        ocr.push(cell);
      });
      unreadableFigures(texts, ocr);
      // Cells of a merged label column below its first row are not printed again.
      const first = texts.findIndex((s) => s !== '');
      if (first < 0) return;
      items.push({
        y: cells[0]!.y0,
        line: {
          cells: texts.slice(first),
          origin: 'table',
          table: firstTable + ti,
          page,
          ocr: ocr.slice(first),
        },
      });
    });
  });
  items.sort((a, b) => a.y - b.y);
  return {
    lines: items.map((i) => i.line).filter((l) => l.cells.some((c) => c !== '')),
    tables: tables.length,
  };
}

/**
 * A cell's reading. When the model read something digit-like, the same output decoded as digits
 * only decides (a 0 read as O or 。 is a 0), and the cell is marked uncertain whenever that
 * mattered, the weakest character is below the threshold, or the digits do not form a figure.
 */
function cellReading(r: Recognised): { text: string; confidence: number; uncertain?: string } {
  const free = cleanText(r.text);
  // Ink was there (the cell was not blank) but nothing came out: a blot, not a blank.
  if (free === '') return { text: '', confidence: 0, uncertain: 'ink the recogniser could not read' };
  if (!(DIGITISH.test(free) && HAS_DIGIT.test(free) && r.digits)) {
    return r.confidence < UNCERTAIN_BELOW
      ? { text: free, confidence: r.confidence, uncertain: `confidence ${r.confidence.toFixed(2)}` }
      : { text: free, confidence: r.confidence };
  }
  const raw = r.digits.text;
  // A dot at either end is dust beside the figure, never part of it.
  const text = raw.replace(/^\.+|\.+$/g, '');
  const confidence = r.digits.confidence;
  let uncertain: string | undefined;
  if (text === '') uncertain = 'no digit left once the dust is removed';
  else if (raw !== free && raw.replace(/^\.+|\.+$/g, '') !== free.replace(/^\.+|\.+$/g, '')) {
    uncertain = `a look-alike ("${free}") read as a digit`;
  } else if (/^0\d/.test(text)) uncertain = 'digits do not form a figure (leading zero)';
  else if (confidence < UNCERTAIN_BELOW) uncertain = `confidence ${confidence.toFixed(2)}`;
  return uncertain ? { text, confidence, uncertain } : { text, confidence };
}

const FIGURE = /^\d+(?:\.\d+)?$/;
const BLANK_MARK = /^(?:[/\\]|[-—–―]{1,2})?$/;

/**
 * In a row of figures (three or more), a cell after the first figure that reads as neither a
 * figure nor a blank mark is a figure the recogniser could not read (a smudge, a stain): it is
 * left empty and marked uncertain, so the row's other figures still count and the check points
 * at the cell. Its reading is kept in the reason.
 */
function unreadableFigures(texts: string[], ocr: OcrCell[]): void {
  const figures = texts.filter((t) => FIGURE.test(t)).length;
  const first = texts.findIndex((t) => FIGURE.test(t));
  if (figures < 3 || first < 0) return;
  for (let i = first + 1; i < texts.length; i++) {
    const t = texts[i]!;
    if (FIGURE.test(t) || BLANK_MARK.test(t)) continue;
    ocr[i]!.uncertain = `not a figure (read as "${t.slice(0, 20)}")`;
    texts[i] = '';
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
