/**
 * Lines of an ExtractedDocument → a flat stream of tokens: labels (text) and values (a number,
 * or a blank marker kept as printed). Every token carries the row it was printed on, which is
 * what binds a value run to the label on the same row.
 */
import type { DocLine, ExtractedDocument, OcrCell } from '../document';

export interface LabelToken {
  kind: 'label';
  text: string;
  row: number;
}

export interface ValueToken {
  kind: 'value';
  /** null for blank, "/", "-", "—" (and for run-together digits before they are split). */
  value: number | null;
  /** As printed ("" for an empty cell). */
  raw: string;
  row: number;
  /**
   * True when the value filled a whole delimited cell (a table grid, tab or pipe cell): such a
   * value is never several cells run together.
   */
  cell?: boolean;
  /** For a cell read by OCR: how sure the recogniser was, and where the cell is. */
  ocr?: OcrCell;
  /**
   * Where the value was printed: the cell of its document line (`row`) and the character span
   * [start, end) of `raw` in that cell's text. Absent for values the table logic makes up (a
   * blank row printed with no cells).
   */
  src?: TokenSrc;
}

export interface TokenSrc {
  cell: number;
  start: number;
  end: number;
}

/** Text of one document cell, or a part of it, with where it starts in that cell. */
interface Piece {
  text: string;
  cell: number;
  offset: number;
}

export type Token = LabelToken | ValueToken;

const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const BLANK_MARKER = /^(?:[/\\]|[-—–―]{1,2}|—+)$/;
const SEPARATOR_CELL = /^[-—=:_ ]{3,}$/;
const PAGE_FOOTER = /^\s*(?:[-—–]+\s*\d{1,3}\s*[-—–]+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$/;

export function isBlankMarker(s: string): boolean {
  return s === '' || BLANK_MARKER.test(s);
}

/** A cell's text as a value token, or null when it is text. */
export function cellValue(cell: string, row: number): ValueToken | null {
  const s = cell.trim();
  if (s === '' || BLANK_MARKER.test(s)) return { kind: 'value', value: null, raw: s, row };
  if (NUMBER.test(s)) return { kind: 'value', value: Number(s), raw: s, row };
  if (GROUPED_NUMBER.test(s)) return { kind: 'value', value: Number(s.replace(/,/g, '')), raw: s, row };
  return null;
}

function pushLabel(out: Token[], text: string, row: number): void {
  const t = text.trim();
  if (t === '') return;
  const last = out[out.length - 1];
  // Consecutive label pieces on one row are one label ("(四)无法提供 1.本机关不掌握…").
  if (last?.kind === 'label' && last.row === row) last.text += ` ${t}`;
  else out.push({ kind: 'label', text: t, row });
}

// A digit run glued to text: "行政许可9487", "…信息00000002.其他法律…". A digit right before
// "." / "、" and a non-digit is the next label's list number, not part of the value. A "-", "增"
// or "减" between two figures signs the second ("2648-18538", "16减12").
const DIGITS = /\d+(?:\.\d+)?/g;

// 元 or 万元 right after a figure. Flattened text runs straight on into the next heading
// ("…4432.52元三、收到…"), so what follows cannot be required to be a break.
const MONEY_UNIT = /^万?元/;

/** Splits one whitespace-free word that mixes text and digits. */
function pushMixedWord(out: Token[], word: string, row: number, at: Piece): void {
  let pos = 0;
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(word); m !== null; m = DIGITS.exec(word)) {
    const s = m.index;
    const e = s + m[0].length;
    const next = word[e];
    const next2 = word[e + 1];
    const listNumber = (next === '.' || next === '、') && next2 !== undefined && !/\d/.test(next2);
    const numEnd = listNumber ? e - 1 : e;
    if (numEnd <= s) continue; // the whole run is a list number: it stays with the label text
    // "2648-18538": a minus between digits starts a negative value.
    const signed = s > 0 && /[-增减]/.test(word[s - 1]!) && (s === 1 || /\d/.test(word[s - 2] ?? ''));
    const numStart = signed ? s - 1 : s;
    if (numStart > pos) pushLabel(out, word.slice(pos, numStart), row);
    const digits = word.slice(numStart, numEnd);
    // "…13575394432.52元": the money unit stays with the figure (table 二 converts 元 to 万元).
    const unit = listNumber ? '' : (MONEY_UNIT.exec(word.slice(numEnd))?.[0] ?? '');
    // "16减12" (本年增/减 in words, between two figures): the change is -12.
    const value = /^[增减]/.test(digits)
      ? (digits[0] === '减' ? -1 : 1) * Number(digits.slice(1))
      : Number(digits);
    out.push({
      kind: 'value',
      value,
      raw: digits + unit,
      row,
      src: { cell: at.cell, start: at.offset + numStart, end: at.offset + numEnd + unit.length },
    });
    pos = numEnd + unit.length;
    DIGITS.lastIndex = Math.max(DIGITS.lastIndex, pos);
  }
  if (pos < word.length) pushLabel(out, word.slice(pos), row);
}

function tokenizeWords(out: Token[], piece: Piece, row: number): void {
  for (const m of piece.text.matchAll(/\S+/g)) {
    const word = m[0];
    const at = { text: word, cell: piece.cell, offset: piece.offset + m.index };
    const v = cellValue(word, row);
    if (v) out.push({ ...v, src: { cell: at.cell, start: at.offset, end: at.offset + word.length } });
    else if (/\d/.test(word)) pushMixedWord(out, word, row, at);
    else pushLabel(out, word, row);
  }
}

/** `parts` of `text` (split on a separator) with where each starts in it. */
function piecesOf(
  parts: readonly string[],
  text: string,
  cell: number,
  offset: number,
  sep: string,
): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const p of parts) {
    const at = text.indexOf(p, pos);
    out.push({ text: p, cell, offset: offset + (at < 0 ? pos : at) });
    pos = (at < 0 ? pos : at) + p.length + sep.length;
  }
  return out;
}

function splitPipes(line: string): string[] {
  const t = line.trim();
  const parts = t.split('|');
  if (/^\|+$/.test(t)) return parts.slice(0, -1); // "|" = one empty cell, "||" = two
  // Markdown "| a | b |": drop the empty ends; web text "a |": the pipe terminates a cell.
  if (t.startsWith('|')) parts.shift();
  if (t.endsWith('|')) parts.pop();
  return parts;
}

function tokenizeCells(
  out: Token[],
  pieces: readonly Piece[],
  row: number,
  splitMixed: boolean,
  ocr?: readonly (OcrCell | null)[],
): void {
  const trimmed = pieces.map((p) => p.text.trim());
  if (trimmed.every((c) => c === '' || SEPARATOR_CELL.test(c)) && trimmed.some((c) => c !== '')) return;
  pieces.forEach((piece, i) => {
    const cell = trimmed[i]!;
    const base = piece.offset + (piece.text.length - piece.text.trimStart().length);
    const src = (from: number, length: number): TokenSrc => ({
      cell: piece.cell,
      start: base + from,
      end: base + from + length,
    });
    const v = cellValue(cell, row);
    if (v) {
      const read = ocr?.[piece.cell];
      out.push(
        read
          ? { ...v, cell: true, src: src(0, cell.length), ocr: read }
          : { ...v, cell: true, src: src(0, cell.length) },
      );
      return;
    }
    if (/^[-+]?\d+(?:\.\d+)?(?:\s+[-+]?\d+(?:\.\d+)?)+$/.test(cell)) {
      for (const m of cell.matchAll(/\S+/g))
        out.push({ kind: 'value', value: Number(m[0]), raw: m[0], row, src: src(m.index, m[0].length) });
      return;
    }
    // "75394432.52元": a figure with its unit (table 二 converts 元 to 万元).
    const withUnit = cell.match(/^(\d+(?:\.\d+)?)\s*(?:万?元|件|条|个|项)$/);
    if (withUnit) {
      out.push({
        kind: 'value',
        value: Number(withUnit[1]),
        raw: cell,
        row,
        cell: true,
        src: src(0, cell.length),
      });
      return;
    }
    // "22（其中修订16件）": the figure is the leading number, the rest a note.
    const lead = cell.match(/^(\d+(?:\.\d+)?)\s*[(（]/);
    if (lead) {
      out.push({
        kind: 'value',
        value: Number(lead[1]),
        raw: lead[1]!,
        row,
        cell: true,
        src: src(0, lead[1]!.length),
      });
      return;
    }
    if (splitMixed && /\d/.test(cell))
      tokenizeWords(out, { text: cell, cell: piece.cell, offset: base }, row);
    else {
      // Distinct cells are distinct labels only when they are on different rows.
      pushLabel(out, cell, row);
    }
  });
}

const PIPES_ONLY = /^\s*\|+\s*$/;

/**
 * A pipe inside running prose ("…《我为群众办实事|食用农产品快速检测结果天天报》…" in a flattened
 * page) is not a cell border: no table cell holds a paragraph.
 */
const PROSE_CELL = 200;
function isPipeRow(raw: string): boolean {
  return raw.includes('|') && raw.split('|').every((c) => c.length <= PROSE_CELL);
}

/**
 * Tokenises one document line; `row` is its index in the document. `pipeCells`: whether a line
 * of bare pipes is empty cells ("56 |" / "|" one cell per line) rather than a separator between
 * cells printed on their own lines ("0" / "|" / "0").
 */
export function tokenizeLine(out: Token[], line: DocLine, row: number, pipeCells = true): void {
  if (line.origin === 'table') {
    tokenizeCells(
      out,
      line.cells.map((text, cell) => ({ text, cell, offset: 0 })),
      row,
      false,
      line.ocr,
    );
    return;
  }
  line.cells.forEach((raw, cell) => {
    if (PAGE_FOOTER.test(raw)) return;
    if (!pipeCells && PIPES_ONLY.test(raw)) return;
    if (raw.includes('\t')) tokenizeCells(out, piecesOf(raw.split('\t'), raw, cell, 0, '\t'), row, true);
    else if (isPipeRow(raw)) tokenizeCells(out, piecesOf(splitPipes(raw), raw, cell, 0, '|'), row, false);
    else if (raw.trim() !== '') tokenizeWords(out, { text: raw, cell, offset: 0 }, row);
  });
}

export function tokenizeDocument(doc: ExtractedDocument): Token[] {
  const out: Token[] = [];
  const pipeCells = doc.lines.some(
    (l) => l.origin === 'text' && l.cells.some((c) => isPipeRow(c) && !PIPES_ONLY.test(c)),
  );
  doc.lines.forEach((line, i) => {
    tokenizeLine(out, line, i, pipeCells);
  });
  return out;
}
