/** Builders for test inputs (ZIPs, PDFs, GBK bytes) and the corpus location. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPresent } from '../../corpus-present';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const hasCorpus = corpusPresent(path.join(corpusDir, 'reports'), 'corpus extraction tests');
export const NO_CORPUS = `corpus not found at ${corpusDir}: corpus tests skipped`;

export function corpusFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(corpusDir, 'reports', name)));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Deterministic pseudo-random bytes (mulberry32), so a failure reproduces. */
export function randomBytes(n: number, seed = 42): Uint8Array {
  let a = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

let gbkTable: Map<string, number[]> | undefined;

/**
 * UTF-16 string → GBK bytes, built by inverting the platform's GB18030 decoder over the
 * two-byte range (GBK is exactly that range), so no encoding library is needed.
 */
export function encodeGbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch} U+${code.toString(16)}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

function crc32(data: Uint8Array): number {
  let crc = -1;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

/** A ZIP archive with the given entries, stored (uncompressed). */
export function storedZip(entries: Record<string, string>): Uint8Array {
  const chunks: number[] = [];
  const central: number[] = [];
  const u16 = (arr: number[], v: number) => arr.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (arr: number[], v: number) =>
    arr.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  let count = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = utf8(name);
    const data = utf8(content);
    const crc = crc32(data);
    const offset = chunks.length;
    u32(chunks, 0x04034b50);
    for (const v of [20, 0x0800, 0, 0, 0]) u16(chunks, v);
    for (const v of [crc, data.length, data.length]) u32(chunks, v);
    u16(chunks, nameBytes.length);
    u16(chunks, 0);
    chunks.push(...nameBytes, ...data);

    u32(central, 0x02014b50);
    for (const v of [20, 20, 0x0800, 0, 0, 0]) u16(central, v);
    for (const v of [crc, data.length, data.length]) u32(central, v);
    for (const v of [nameBytes.length, 0, 0, 0, 0]) u16(central, v);
    u32(central, 0);
    u32(central, offset);
    central.push(...nameBytes);
    count++;
  }
  const centralOffset = chunks.length;
  const end: number[] = [];
  u32(end, 0x06054b50);
  for (const v of [0, 0, count, count]) u16(end, v);
  u32(end, central.length);
  u32(end, centralOffset);
  u16(end, 0);
  return new Uint8Array([...chunks, ...central, ...end]);
}

/** Text placed at PDF user-space coordinates (origin bottom left, y up). */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/**
 * A minimal valid PDF (A4, one page per array) showing ASCII text in Helvetica at the given
 * positions, with a correct xref table. `[]` pages give a PDF without any text.
 */
export function makePdf(pages: PlacedText[][], { landscape = false } = {}): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((texts, i) => {
    const pdfString = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
    // Landscape: a portrait page shown with /Rotate 90, text drawn turned so that it reads
    // left to right on screen, at the given on-screen position (842 wide, 595 high).
    const ops = texts
      .map(({ x, y, text, size = 10 }) =>
        landscape
          ? `BT /F1 ${size} Tf 0 1 -1 0 ${595 - y} ${x} Tm (${pdfString(text)}) Tj ET`
          : `BT /F1 ${size} Tf ${x} ${y} Td (${pdfString(text)}) Tj ET`,
      )
      .join('\n');
    const stream = `${ops}\n0 0 m 1 1 l S`;
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${landscape ? ' /Rotate 90' : ''} /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}
