import type { DocLine } from '../document';
import { cleanText, joinSoft } from './normalize';

/** One positioned text run, in page display units (page rotation applied), y growing upwards, at its baseline. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size in user space units. */
  size: number;
  /** Vertical extent of its glyphs (display units, y upwards); absent: estimated from y and size. */
  top?: number;
  bottom?: number;
}

export interface PdfPage {
  items: PdfItem[];
  height: number;
}

/** A line under construction: cells plus the geometry the later passes need. */
interface Row {
  page: number;
  /** The page's display height: boxes are recorded from the top edge down. */
  height: number;
  y: number;
  size: number;
  cells: Cell[];
}

interface Cell {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?%?$/;

/**
 * Rebuilds lines of cells from positioned text runs:
 *
 * 1. Runs on one baseline (within 0.3 × font size, at least 1.5 pt: labels and figures of a
 *    table row are often set in different sizes and sit a point or two apart) form a line,
 *    ordered by x.
 * 2. Runs closer than 0.75 × font size join into one cell (softly: no space between CJK);
 *    a wider gap starts a new cell. Table cells carry padding, so neighbouring columns are
 *    always further apart than that; words of one phrase are not. Between two figures the
 *    limit is 0.3 × font size.
 * 3. Page numbers (- 3 -, 第3页, 3/5) at the top or bottom of a page are dropped.
 * 4. A figures-only line with a label wrapped over the line above and the line below it (a
 *    vertically centred table row) is re-joined into one line: label, figures.
 * 5. Runs of lines with two or more cells, no further apart than 3.5 line heights (table
 *    rows are tall), become `origin: 'table'` lines numbered by `table` (0-based; a table
 *    running on from one page to the next keeps its number). One-cell lines inside such a run
 *    (group labels, sub-table captions) belong to the table unless they are set in body-text
 *    size or larger: those are headings between tables. Other lines are `origin: 'text'`.
 *
 * Every line carries its 1-based `page`.
 */
export function buildPdfLines(pages: readonly PdfPage[]): DocLine[] {
  const rows: Row[] = [];
  pages.forEach((page, i) => {
    const pageRows = dropPageNumbers(groupRows(page.items, i + 1, page.height), page.height);
    rows.push(...joinWrappedLabels(pageRows));
  });
  return markTables(rows);
}

const topOf = (it: PdfItem): number => it.top ?? it.y + 0.8 * it.size;
const bottomOf = (it: PdfItem): number => it.bottom ?? it.y - 0.2 * it.size;

function groupRows(items: readonly PdfItem[], page: number, height: number): Row[] {
  const sorted = items.filter((it) => it.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let top = Number.NaN;
  let minSize = Number.POSITIVE_INFINITY;
  for (const item of sorted) {
    const size = Math.min(minSize, item.size);
    if (current.length > 0 && top - item.y <= Math.max(1.5, 0.3 * size)) {
      current.push(item);
      minSize = size;
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    top = item.y;
    minSize = item.size;
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const cells: Array<Cell & { size: number }> = [];
    for (const item of group) {
      const last = cells.at(-1);
      const gap = last ? item.x - last.right : Number.POSITIVE_INFINITY;
      const size = last ? Math.min(last.size, item.size) : item.size;
      if (last && gap <= joinGap(last.text, item.str, size)) {
        last.text = gap > 0.2 * size ? joinSoft(last.text, item.str) : last.text + item.str;
        last.right = Math.max(last.right, item.x + item.width);
        last.top = Math.max(last.top, topOf(item));
        last.bottom = Math.min(last.bottom, bottomOf(item));
        last.size = size;
      } else {
        cells.push({
          text: item.str,
          left: item.x,
          right: item.x + item.width,
          top: topOf(item),
          bottom: bottomOf(item),
          size: item.size,
        });
      }
    }
    return {
      page,
      height,
      y: group[0]!.y,
      size: Math.max(...group.map((it) => it.size)),
      cells: cells
        .map(({ text, left, right, top, bottom }) => ({ text: cleanText(text), left, right, top, bottom }))
        .filter((c) => c.text !== ''),
    };
  });
}

const PAGE_NUMBER =
  /^([-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/**
 * The widest gap that still joins two runs into one cell. Two figures side by side are
 * different cells as soon as there is room for a space between them: narrow table columns
 * (table 四 has fifteen) put figures closer than words of a phrase ever are.
 */
function joinGap(before: string, after: string, size: number): number {
  if (/\d$/.test(before) && /^\d/.test(after)) return 0.3 * size;
  return Math.max(3, 0.75 * size);
}

function dropPageNumbers(rows: Row[], height: number): Row[] {
  const margin = height * 0.1;
  return rows.filter((row, i) => {
    if (row.cells.length !== 1) return true;
    const text = row.cells[0]!.text;
    const atEdge = row.y < margin || row.y > height - margin;
    const outermost = i === 0 || i === rows.length - 1;
    return !(atEdge && (PAGE_NUMBER.test(text) || (outermost && /^\d{1,4}$/.test(text))));
  });
}

const isNumeric = (c: Cell): boolean => NUMBER.test(c.text);

/** Step 4: label above + figures + label below, all within ~1.5 line heights, left of the figures. */
function joinWrappedLabels(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const above = out.at(-1);
    const row = rows[i]!;
    const below = rows[i + 1];
    if (above && below && isFiguresOnly(row) && isLabelPart(above, row) && isLabelPart(below, row)) {
      const near = 1.5 * Math.max(row.size, above.size, below.size);
      const aligned =
        below.cells[0]!.left >= above.cells[0]!.left - 5 && below.cells[0]!.left <= lastRight(above) + 5;
      if (above.y - row.y <= near && row.y - below.y <= near && aligned) {
        out[out.length - 1] = { ...row, cells: [...joinLabel(above.cells, below.cells), ...row.cells] };
        i++;
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

function isFiguresOnly(row: Row): boolean {
  return row.cells.length > 0 && row.cells.every(isNumeric);
}

function isLabelPart(part: Row, figures: Row): boolean {
  return (
    part.page === figures.page &&
    part.cells.length > 0 &&
    !part.cells.some(isNumeric) &&
    lastRight(part) < figures.cells[0]!.left
  );
}

function lastRight(row: Row): number {
  return row.cells.at(-1)!.right;
}

/** Label pieces pair up cell by cell when both lines split the same way, else join into one cell. */
function joinLabel(top: Cell[], bottom: Cell[]): Cell[] {
  if (top.length === bottom.length) {
    return top.map((c, i) => ({
      text: joinSoft(c.text, bottom[i]!.text),
      left: Math.min(c.left, bottom[i]!.left),
      right: Math.max(c.right, bottom[i]!.right),
      top: Math.max(c.top, bottom[i]!.top),
      bottom: Math.min(c.bottom, bottom[i]!.bottom),
    }));
  }
  const all = [...top, ...bottom];
  return [
    {
      text: all.map((c) => c.text).reduce(joinSoft, ''),
      left: Math.min(...all.map((c) => c.left)),
      right: Math.max(...all.map((c) => c.right)),
      top: Math.max(...all.map((c) => c.top)),
      bottom: Math.min(...all.map((c) => c.bottom)),
    },
  ];
}

/** Step 5. */
function markTables(rows: Row[]): DocLine[] {
  const body = bodySize(rows);
  const isTable = new Array<boolean>(rows.length).fill(false);
  const tableOf = new Array<number>(rows.length).fill(-1);
  let tables = 0;
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.cells.length < 2) {
      i++;
      continue;
    }
    // Extend the block over close lines; it ends at the last multi-cell line reached.
    let end = i;
    let lastMulti = i;
    while (end + 1 < rows.length && isClose(rows[end]!, rows[end + 1]!)) {
      const next = rows[end + 1]!;
      if (next.cells.length < 2 && next.size >= 0.95 * body) break;
      end++;
      if (rows[end]!.cells.length >= 2) lastMulti = end;
    }
    const multi = rows.slice(i, lastMulti + 1).filter((r) => r.cells.length >= 2).length;
    if (multi >= 2) {
      const previous = lastTableLine(i, isTable);
      const continues = previous >= 0 && continuesAcrossPage(rows, previous, i);
      const table = continues ? tableOf[previous]! : tables++;
      for (let k = i; k <= lastMulti; k++) {
        isTable[k] = true;
        tableOf[k] = table;
      }
    }
    i = lastMulti + 1;
  }
  return rows.map((row, k) => {
    const cells = row.cells.map((c) => c.text);
    // In points from the page's top-left corner, as the page is displayed (and rendered).
    const boxes = row.cells.map(
      (c) => [c.left, row.height - c.top, c.right, row.height - c.bottom] as [number, number, number, number],
    );
    return isTable[k]
      ? { cells, origin: 'table', table: tableOf[k]!, page: row.page, boxes }
      : { cells, origin: 'text', page: row.page, boxes };
  });
}

function isClose(a: Row, b: Row): boolean {
  return a.page === b.page && a.y - b.y <= 3.5 * Math.max(a.size, b.size);
}

/** The font size most of the one-cell (prose) text is set in, weighted by length. */
function bodySize(rows: Row[]): number {
  const weight = new Map<number, number>();
  for (const row of rows) {
    if (row.cells.length !== 1) continue;
    const size = Math.round(row.size);
    weight.set(size, (weight.get(size) ?? 0) + row.cells[0]!.text.length);
  }
  let best = Number.POSITIVE_INFINITY;
  let most = 0;
  for (const [size, w] of weight) {
    if (w > most) [best, most] = [size, w];
  }
  return best;
}

function lastTableLine(before: number, isTable: boolean[]): number {
  for (let k = before - 1; k >= 0; k--) if (isTable[k]) return k;
  return -1;
}

/**
 * A table on page n+1 continues the one on page n when it is the first thing on its page,
 * the other was the last thing on its page, and their edge rows hold as many figures (or,
 * without figures, as many cells): a row label split in two cells must not matter.
 */
function continuesAcrossPage(rows: Row[], previous: number, start: number): boolean {
  const a = rows[previous]!;
  const b = rows[start]!;
  if (b.page !== a.page + 1) return false;
  const lastOnPage = rows[previous + 1]?.page !== a.page;
  const firstOnPage = rows[start - 1]?.page !== b.page;
  const width = (r: Row): number => r.cells.filter(isNumeric).length || r.cells.length;
  return lastOnPage && firstOnPage && width(a) === width(b);
}
