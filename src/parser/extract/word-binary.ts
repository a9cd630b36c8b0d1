/**
 * The main text of a Word 97–2003 binary document (.doc, and WPS Office's .wps, which is the
 * same format) with its table structure, read from the `WordDocument` and table streams of an
 * OLE compound file ([MS-DOC]). Only what a report needs: the piece table (text), the paragraph
 * properties that say which paragraph marks end a table row (sprmPFTtp), and field codes
 * dropped in favour of their results. Formatting, pictures, headers and footnotes are ignored.
 *
 * Why our own reader and not word-extractor: it needs Node's Buffer and streams (no browser
 * build), and it turns both cell ends and row ends into tabs, which loses the rows.
 */
import { type Refusal, refusal, refusalText } from '../../domain/refusals';

export interface WordParagraph {
  text: string;
}

/** A document as paragraphs and table rows, in reading order. */
export type WordBlock = { kind: 'paragraph'; text: string } | { kind: 'row'; cells: string[]; table: number };

export class WordFormatError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalText(refusal));
  }
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

const CELL_MARK = 0x07;
const PARA_MARK = 0x0d;

/** Bounds: a report is a few hundred KB of text; anything far past that is not one. */
const MAX_CHARS = 5_000_000;
const MAX_PIECES = 100_000;

export function readWordBinary(
  wordStream: Uint8Array,
  tableStreams: (name: string) => Uint8Array | null,
): WordBlock[] {
  const word = view(wordStream);
  if (wordStream.length < 0x200 || word.getUint16(0, true) !== 0xa5ec) {
    throw new WordFormatError(refusal('notWord'));
  }
  const flags = word.getUint16(0x0a, true);
  if (flags & 0x0100) throw new WordFormatError(refusal('wordPassword'));
  const table = tableStreams(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new WordFormatError(refusal('wordNoTable'));

  // FIB: FibBase (32 bytes), then counted blocks of 16-bit, 32-bit and fc/lcb pairs.
  let pos = 0x20;
  const csw = word.getUint16(pos, true);
  pos += 2 + csw * 2;
  const cslw = word.getUint16(pos, true);
  const ccpText = word.getInt32(pos + 2 + 3 * 4, true);
  pos += 2 + cslw * 4;
  const cbRgFcLcb = word.getUint16(pos, true);
  const fcLcb = pos + 2;
  const pair = (index: number): [number, number] => {
    if (index >= cbRgFcLcb) return [0, 0];
    return [word.getUint32(fcLcb + index * 8, true), word.getUint32(fcLcb + index * 8 + 4, true)];
  };
  if (ccpText < 0 || ccpText > MAX_CHARS) throw new WordFormatError(refusal('wordTextRange'));

  const pieces = readPieces(table, ...pair(33));
  const text = readText(wordStream, pieces, ccpText);
  const marks = readTableMarks(wordStream, table, tableStreams('Data'), pieces, ...pair(13));
  return toBlocks(text, marks);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function slice(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  if (offset < 0 || length < 0 || offset + length > bytes.length) {
    throw new WordFormatError(refusal('wordDamaged', { part: 'a structure points past its stream' }));
  }
  return bytes.subarray(offset, offset + length);
}

/** The Clx: skip the Prc property blocks, then the Pcdt piece table (CPs, then 8-byte PCDs). */
function readPieces(table: Uint8Array, fcClx: number, lcbClx: number): Piece[] {
  const clx = slice(table, fcClx, lcbClx);
  const v = view(clx);
  let pos = 0;
  while (pos < clx.length && clx[pos] === 0x01) pos += 3 + v.getUint16(pos + 1, true);
  if (pos + 5 > clx.length || clx[pos] !== 0x02)
    throw new WordFormatError(refusal('wordDamaged', { part: 'no piece table' }));
  const lcb = v.getUint32(pos + 1, true);
  const plc = slice(clx, pos + 5, lcb);
  const pv = view(plc);
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PIECES)
    throw new WordFormatError(refusal('wordDamaged', { part: 'piece table' }));
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = pv.getUint32(i * 4, true);
    const cpEnd = pv.getUint32((i + 1) * 4, true);
    const raw = pv.getUint32((n + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = compressed ? (raw & ~0x40000000) / 2 : raw;
    if (cpEnd < cpStart) throw new WordFormatError(refusal('wordDamaged', { part: 'piece table order' }));
    pieces.push({ cpStart, cpEnd, fc, compressed });
  }
  return pieces;
}

// Windows-1252 0x80–0x9f, the only range where it differs from Latin-1 (compressed pieces).
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Character codes of the main document (CPs 0..ccpText), one number per CP. */
function readText(word: Uint8Array, pieces: Piece[], ccpText: number): Uint16Array {
  const out = new Uint16Array(ccpText);
  for (const p of pieces) {
    const from = Math.min(p.cpStart, ccpText);
    const to = Math.min(p.cpEnd, ccpText);
    if (to <= from) continue;
    const n = to - from;
    if (p.compressed) {
      const bytes = slice(word, p.fc, n);
      for (let i = 0; i < n; i++) {
        const b = bytes[i]!;
        out[from + i] = b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b;
      }
    } else {
      const bytes = slice(word, p.fc, n * 2);
      const v = view(bytes);
      for (let i = 0; i < n; i++) out[from + i] = v.getUint16(i * 2, true);
    }
  }
  return out;
}

/** The FC (stream offset) of a paragraph end → its CP, through the piece that holds it. */
function fcToCp(pieces: Piece[], fc: number): number | null {
  for (const p of pieces) {
    const size = (p.cpEnd - p.cpStart) * (p.compressed ? 1 : 2);
    if (fc >= p.fc && fc < p.fc + size) return p.cpStart + Math.floor((fc - p.fc) / (p.compressed ? 1 : 2));
  }
  return null;
}

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_F_INNER_TTP = 0x244c;
const SPRM_P_ITAP = 0x6649;

interface TableMarks {
  /** CPs of the 0x07 marks that end a table row (not a cell). */
  rowEnds: Set<number>;
  /** CPs of paragraph marks of paragraphs inside a table cell. */
  inTable: Set<number>;
}

/**
 * Which paragraph marks belong to tables, from the PAPX runs (PlcBtePapx → 512-byte FKP pages
 * in the WordDocument stream): sprmPFTtp marks a row end (itself a 0x07, indistinguishable
 * from an empty cell's end without this), sprmPFInTable / sprmPItap a paragraph in a cell.
 */
function readTableMarks(
  word: Uint8Array,
  table: Uint8Array,
  data: Uint8Array | null,
  pieces: Piece[],
  fc: number,
  lcb: number,
): TableMarks {
  const marks: TableMarks = { rowEnds: new Set(), inTable: new Set() };
  if (lcb < 4) return marks;
  const plc = view(slice(table, fc, lcb));
  const n = (lcb - 4) / 8;
  if (!Number.isInteger(n)) throw new WordFormatError(refusal('wordDamaged', { part: 'paragraph table' }));
  for (let i = 0; i < n; i++) {
    const pn = plc.getUint32((n + 1) * 4 + i * 4, true) & 0x3fffff;
    const page = slice(word, pn * 512, 512);
    const pv = view(page);
    const crun = page[511]!;
    for (let j = 0; j < crun; j++) {
      const end = pv.getUint32((j + 1) * 4, true);
      const bOffset = page[(crun + 1) * 4 + j * 13]! * 2;
      if (bOffset === 0 || bOffset >= 511) continue;
      let cb = page[bOffset]!;
      let start = bOffset + 1;
      let size = cb * 2 - 1;
      if (cb === 0) {
        cb = page[bOffset + 1]!;
        start = bOffset + 2;
        size = cb * 2;
      }
      if (start + size > 511 || size < 2) continue;
      // grpprl after the 2-byte istd
      const flags = paragraphFlags(page.subarray(start + 2, start + size), data);
      if (!flags.ttp && !flags.inTable) continue;
      // The run's last character is its paragraph mark; pieces say whether it is 1 or 2 bytes.
      const cp = fcToCp(pieces, end - 1) ?? fcToCp(pieces, end - 2);
      if (cp === null) continue;
      if (flags.ttp) marks.rowEnds.add(cp);
      else marks.inTable.add(cp);
    }
  }
  return marks;
}

const SPRM_P_HUGE_PAPX = 0x6646;

/**
 * The table flags a PAPX grpprl sets. A row end's properties (the whole table row definition)
 * are often too big for the FKP page: then sprmPHugePapx points at them in the Data stream.
 */
function paragraphFlags(
  grpprl: Uint8Array,
  data: Uint8Array | null,
  depth = 0,
): { ttp: boolean; inTable: boolean } {
  const v = view(grpprl);
  const flags = { ttp: false, inTable: false };
  let pos = 0;
  while (pos + 2 <= grpprl.length) {
    const sprm = v.getUint16(pos, true);
    pos += 2;
    if ((sprm === SPRM_P_F_TTP || sprm === SPRM_P_F_INNER_TTP) && grpprl[pos] === 1) flags.ttp = true;
    if (sprm === SPRM_P_F_IN_TABLE && grpprl[pos] === 1) flags.inTable = true;
    if (sprm === SPRM_P_ITAP && pos + 1 < grpprl.length && (grpprl[pos]! | (grpprl[pos + 1]! << 8)) > 0) {
      flags.inTable = true;
    }
    if (sprm === SPRM_P_HUGE_PAPX && data && depth === 0 && pos + 4 <= grpprl.length) {
      const at = v.getUint32(pos, true);
      if (at + 2 <= data.length) {
        const cb = data[at]! | (data[at + 1]! << 8);
        const huge = paragraphFlags(slice(data, at + 2, Math.min(cb, data.length - at - 2)), null, 1);
        flags.ttp ||= huge.ttp;
        flags.inTable ||= huge.inTable;
      }
    }
    const size = operandSize(sprm, grpprl, pos);
    if (size < 0) break;
    pos += size;
  }
  return flags;
}

/** Operand length from the sprm's spra bits ([MS-DOC] 2.2.5.1); -1 when it cannot be known. */
function operandSize(sprm: number, grpprl: Uint8Array, pos: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default: {
      if (pos >= grpprl.length) return -1;
      // sprmTDefTable / sprmPChgTabs carry longer lengths; neither occurs in a paragraph's PAPX we read.
      if (sprm === 0xd608)
        return pos + 2 < grpprl.length ? 2 + (grpprl[pos]! | (grpprl[pos + 1]! << 8)) - 1 : -1;
      return 1 + grpprl[pos]!;
    }
  }
}

/**
 * Characters → paragraphs and rows. Field codes (between 0x13 and 0x14) are dropped, their
 * results kept; object anchors and other control characters dropped; 0x0b (line break) and
 * paragraph marks inside a cell join the cell's pieces; 0x07 ends a cell, or the row when it is
 * a row-end mark.
 */
function toBlocks(chars: Uint16Array, { rowEnds, inTable: cellParagraphs }: TableMarks): WordBlock[] {
  const blocks: WordBlock[] = [];
  let buffer = '';
  let cellParts: string[] = [];
  let cells: string[] = [];
  let inTable = false;
  let tables = 0;
  // Field nesting: each level is 'code' until its separator, then 'result'.
  const fields: Array<'code' | 'result'> = [];
  const hidden = () => fields.includes('code');

  for (let cp = 0; cp < chars.length; cp++) {
    const c = chars[cp]!;
    if (c === 0x13) {
      fields.push('code');
      continue;
    }
    if (c === 0x14) {
      if (fields.length > 0) fields[fields.length - 1] = 'result';
      continue;
    }
    if (c === 0x15) {
      fields.pop();
      continue;
    }
    if (c === CELL_MARK) {
      if (rowEnds.has(cp)) {
        if (!inTable) tables++;
        inTable = true;
        // A row end after a cell end carries no text of its own.
        if (buffer.trim() !== '' || cellParts.length > 0) cells.push(joinParts([...cellParts, buffer]));
        blocks.push({ kind: 'row', cells, table: tables - 1 });
        cells = [];
      } else {
        cells.push(joinParts([...cellParts, buffer]));
      }
      buffer = '';
      cellParts = [];
      continue;
    }
    if (c === PARA_MARK || c === 0x0c) {
      if (cellParagraphs.has(cp)) {
        // A paragraph inside a table cell.
        cellParts.push(buffer);
      } else {
        if (inTable) inTable = false;
        blocks.push({ kind: 'paragraph', text: buffer });
      }
      buffer = '';
      continue;
    }
    if (hidden()) continue;
    if (c === 0x0b) {
      buffer += '\n';
      continue;
    }
    if (c === 0x1e) {
      buffer += '-';
      continue;
    }
    if (c < 0x20 && c !== 0x09) continue;
    buffer += String.fromCharCode(c);
  }
  if (buffer.trim() !== '') blocks.push({ kind: 'paragraph', text: buffer });
  return blocks;
}

function joinParts(parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join('\n');
}
