/**
 * Text clean-up shared by the extractors: every cell and line they emit goes through
 * `cleanText`, so the table logic sees one normal form whatever the container was.
 */

// Han ideographs, CJK punctuation and full-width forms: a line break or layout gap
// between two of these is never a real space in Chinese text.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const BLANK = /^\s*$/;

/** NFKC, then every run of whitespace (incl. NBSP, ideographic space, zero-width) → one space, trimmed. */
export function cleanText(s: string): string {
  // Most pieces an HTML page yields are the indentation between tags.
  if (BLANK.test(s)) return '';
  return s
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Joins two pieces of one logical text that a layout break separated (a <br> in a table
 * cell, a PDF label wrapped over two lines): no space between two CJK characters,
 * one space otherwise.
 */
export function joinSoft(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return isCjk(a.at(-1)) && isCjk(b[0]) ? a + b : `${a} ${b}`;
}

/** The document's plain text: one line per DocLine, non-empty cells separated by a space. */
export function linesToText(lines: ReadonlyArray<{ cells: readonly string[] }>): string {
  return lines.map((l) => l.cells.filter((c) => c !== '').join(' ')).join('\n');
}
