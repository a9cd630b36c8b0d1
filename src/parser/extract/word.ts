import CFB from 'cfb';
import { type Refusal, refusal } from '../../domain/refusals';
import type { DocLine, ExtractedDocument } from '../document';
import { NotAReportError } from '../document';
import { cleanText, joinSoft, linesToText } from './normalize';
import { readWordBinary, type WordBlock, WordFormatError } from './word-binary';

/**
 * Word 97–2003 (.doc) and WPS Office (.wps, the same binary format) → lines. The OLE container
 * is opened by `cfb` (SheetJS); the Word streams are read by `readWordBinary`. Table rows become
 * `origin: 'table'` lines of cells like the HTML/DOCX grids; other paragraphs `origin: 'text'`.
 *
 * Word stores a vertically merged cell as the text in its first row and empty cells below it;
 * empty cells before a row's first non-empty cell are that layout (a merged group label such
 * as 三、本年度办理结果), not printed blanks, so they are dropped. Blank figure cells after a
 * label stay '' (a real empty cell).
 */
export function extractWord(bytes: Uint8Array, fileName: string): ExtractedDocument {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch (error) {
    throw new NotAReportError(fileName, refusal('oleDamaged', { detail: firstLine(error) }));
  }
  const stream = (name: string): Uint8Array | null => {
    const entry = CFB.find(container, name);
    if (!entry?.content || entry.type !== 2) return null;
    return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content as number[]);
  };
  const word = stream('WordDocument');
  if (!word) throw new NotAReportError(fileName, notWordReason(container));
  let blocks: WordBlock[];
  try {
    blocks = readWordBinary(word, stream);
  } catch (error) {
    if (error instanceof WordFormatError) throw new NotAReportError(fileName, error.refusal);
    throw new NotAReportError(fileName, refusal('wordUnreadable', { detail: firstLine(error) }));
  }
  const lines = toLines(blocks);
  return { kind: 'doc', lines, text: linesToText(lines) };
}

function toLines(blocks: WordBlock[]): DocLine[] {
  const lines: DocLine[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = cleanText(block.text);
      if (text !== '') lines.push({ cells: [text], origin: 'text' });
      continue;
    }
    const cells = block.cells.map(cellText);
    const first = cells.findIndex((c) => c !== '');
    if (first < 0) continue;
    lines.push({ cells: cells.slice(first), origin: 'table', table: block.table });
  }
  return lines;
}

/** A cell's pieces (paragraphs, line breaks) joined softly, like an HTML cell's <br>s. */
function cellText(raw: string): string {
  let text = '';
  for (const piece of raw.split('\n')) text = joinSoft(text, cleanText(piece));
  return text;
}

/** What an OLE file without a Word stream is, by the streams it has. */
function notWordReason(container: CFB.CFB$Container): Refusal {
  const names = new Set(container.FileIndex.map((e) => e.name));
  if (names.has('Workbook') || names.has('Book')) return refusal('xls');
  if (names.has('PowerPoint Document')) return refusal('ppt');
  if (names.has('CONTENTS') || names.has('MatOST')) return refusal('works');
  if (names.has('EncryptedPackage')) return refusal('officePassword');
  return refusal('oleNoWord');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
