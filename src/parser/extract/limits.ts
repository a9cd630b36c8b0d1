/**
 * The bounds every parse stays within, whatever the bytes claim. Real reports are far inside
 * them (the corpus' largest table grid is a few thousand slots, its deepest HTML under 40
 * levels, its longest PDF under 40 pages); a crafted file that would need more is refused with
 * a message naming the bound instead of taking the tab or the CLI down with it.
 */
import { type Refusal, refusal, refusalText } from '../../domain/refusals';

/** Grid slots (rows × columns after rowspan/colspan) of all tables of one document. */
export const MAX_GRID_SLOTS = 1_000_000;
/** HTML elements deeper than this are read as children of the one at this depth (as browsers do at 512). */
export const MAX_HTML_DEPTH = 512;
/**
 * Elements open at once (unclosed nesting). htmlparser2 keeps its open elements with
 * `Array.unshift`, so its time grows with the square of the depth: 100,000 nested `<div>`s
 * took 13 s. Real pages stay in the tens.
 */
export const MAX_OPEN_ELEMENTS = 10_000;
/** Inflated size of one part of a DOCX (word/document.xml of a real report: well under 5 MB). */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;
/** Inflated size of all the parts of a DOCX that are read. */
export const MAX_ZIP_TOTAL_BYTES = 128 * 1024 * 1024;
/** Entries in a DOCX's central directory. */
export const MAX_ZIP_ENTRIES = 5_000;
/** Pages of a PDF read (annual reports run to 10–40). */
export const MAX_PDF_PAGES = 1_000;
/** Wall-clock time one file may take to parse, in the browser's worker and in the CLI's. */
export const PARSE_TIME_LIMIT_MS = 60_000;
/** JS heap of the CLI's parse worker (`ingest`, `parse`). */
export const PARSE_HEAP_LIMIT_MB = 768;

/** A bound was reached: the refusal names it. extractDocument prefixes the file name. */
export class LimitExceeded extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalText(refusal));
    this.name = 'LimitExceeded';
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Each bound's refusal (src/domain/refusals.ts), with the figures it names. */
export const limitRefusal = {
  gridSlots: () => refusal('gridSlots', { limit: count(MAX_GRID_SLOTS) }),
  depth: () => refusal('depth', { limit: count(MAX_OPEN_ELEMENTS) }),
  zipEntry: (name: string) => refusal('zipEntry', { name, limit: mb(MAX_ZIP_ENTRY_BYTES) }),
  zipTotal: () => refusal('zipTotal', { limit: mb(MAX_ZIP_TOTAL_BYTES) }),
  zipEntries: (n: number) => refusal('zipEntries', { n: count(n), limit: count(MAX_ZIP_ENTRIES) }),
  pdfPages: (n: number) => refusal('pdfPages', { n: count(n), limit: count(MAX_PDF_PAGES) }),
  time: () => refusal('time', { limit: PARSE_TIME_LIMIT_MS / 1000 }),
  memory: (limitMb = PARSE_HEAP_LIMIT_MB) => refusal('memory', { limit: limitMb }),
};

/** The same refusals in English (the CLI's wording). */
export const limitText = {
  time: () => refusalText(limitRefusal.time()),
  memory: (limitMb = PARSE_HEAP_LIMIT_MB) => refusalText(limitRefusal.memory(limitMb)),
};

/** What is left of a document's grid-slot budget; every table of the document draws on it. */
export class GridBudget {
  private left = MAX_GRID_SLOTS;

  take(slots: number): void {
    this.left -= slots;
    if (this.left < 0) throw new LimitExceeded(limitRefusal.gridSlots());
  }
}
