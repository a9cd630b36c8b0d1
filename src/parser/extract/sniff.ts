import { type Refusal, type RefusalCode, refusal } from '../../domain/refusals';
import { type Decoded, decodeBytes } from './decode';

/**
 * What a file is, judged by its content (the extension is only used in messages: crawled
 * files are often misnamed). Text and HTML come back decoded so the bytes are read once.
 */
export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'doc' }
  | { kind: 'image' }
  | { kind: 'html'; decoded: Decoded }
  | { kind: 'text'; decoded: Decoded }
  | { kind: 'rejected'; reason: Refusal };

/** Magic numbers of formats people save reports as by mistake, with the reason we give. */
const KNOWN_BINARIES: Array<[number[], RefusalCode]> = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'oleTruncated'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'sevenZip'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'rtf'],
];

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'rejected', reason: refusal('empty') };
  if (isPdf(bytes)) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (zipHasEntry(bytes, 'word/document.xml')) return { kind: 'docx' };
    // OFD (GB/T 33190, China's fixed-layout format) is a ZIP whose root holds OFD.xml.
    if (zipHasEntry(bytes, 'OFD.xml')) return { kind: 'rejected', reason: refusal('ofd') };
    return { kind: 'rejected', reason: refusal('zipNotDocx') };
  }
  // OLE compound file: Word 97–2003 .doc / WPS .wps (or .xls/.ppt, refused once opened).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'doc' };
  // A photographed or scanned page: read by OCR.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { kind: 'image' };
  for (const [magic, code] of KNOWN_BINARIES) {
    if (startsWith(bytes, magic)) return { kind: 'rejected', reason: refusal(code) };
  }

  const decoded = decodeBytes(bytes);
  const problem = binaryProblem(decoded);
  if (problem) return { kind: 'rejected', reason: refusal(problem) };
  if (decoded.text.trim() === '') return { kind: 'rejected', reason: refusal('whitespace') };
  return isMarkup(decoded.text) ? { kind: 'html', decoded } : { kind: 'text', decoded };
}

/** `%PDF-` must start the file, but the spec tolerates junk before it within the first KB. */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46) {
      return head[i + 4] === 0x2d;
    }
  }
  return false;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Entry names are stored uncompressed in both the local headers and the central
 * directory, so a byte search finds them without unzipping.
 */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const needle = new TextEncoder().encode(name);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** Why decoded text is really binary: NULs, many control characters, or many undecodable bytes. */
function binaryProblem({ text, lossy }: Decoded): RefusalCode | null {
  const sample = text.slice(0, 65536);
  // Regexes, not a charCodeAt loop: this runs on every text/HTML file, and control characters
  // are almost never there, so the native scan finds nothing quickly.
  if (sample.includes('\0')) return 'binary';
  const controls = countMatches(sample, CONTROL);
  if (controls > sample.length * 0.01) return 'binary';
  if (lossy && countMatches(sample, REPLACED) > sample.length * 0.02) return 'undecodable';
  return null;
}

// C0 controls other than tab, LF, FF and CR, plus DEL: exactly what the rule looks for.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
const CONTROL = /[\x01-\x08\x0b\x0e-\x1f\x7f]/g;
const REPLACED = /\ufffd/g;

function countMatches(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

function isMarkup(text: string): boolean {
  return /<!doctype\s+html|<(html|body|table)[\s>]/i.test(text.slice(0, 200_000));
}
