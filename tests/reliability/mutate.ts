/**
 * Mutation operators for the parser's reliability suite: each takes a real report and returns
 * damaged bytes of the kind crawlers, editors and bad transfers produce. All randomness comes from
 * the seeded `Rng`, so a failing mutant is reproducible from its seed and index.
 */
import type { Rng } from '../../src/synth/prng';
import { encodeGbk } from './gbk';

export type Mutator = (rng: Rng, bytes: Uint8Array, text: string) => Uint8Array;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)]!;

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

// ---------------------------------------------------------------- byte level (any format)

export const flipBytes: Mutator = (rng, bytes) => {
  const out = bytes.slice();
  const n = rng.int(1, 40);
  for (let i = 0; i < n && out.length > 0; i++) out[rng.int(0, out.length - 1)]! ^= 1 << rng.int(0, 7);
  return out;
};

export const truncate: Mutator = (rng, bytes) => bytes.slice(0, rng.int(0, bytes.length));

const JUNK: readonly (readonly number[])[] = [
  [0],
  [0, 0, 0, 0],
  [0x1b, 0x5b, 0x32, 0x4a],
  [0x07, 0x08, 0x0b],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  [0xc3, 0x28],
  [0xe2, 0x80, 0xae],
  [0xf0, 0x9f, 0x92, 0xa9],
  [0x7f],
  [0x0d],
];

export const insertJunk: Mutator = (rng, bytes) => {
  let out = bytes;
  const n = rng.int(1, 12);
  for (let i = 0; i < n; i++) {
    const junk = rng.chance(0.3)
      ? Uint8Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255))
      : Uint8Array.from(pick(rng, JUNK));
    out = splice(out, rng.int(0, out.length), 0, junk);
  }
  return out;
};

/** Many NULs or control characters: the file must be refused as binary, not parsed as text. */
export const floodControls: Mutator = (rng, bytes) => {
  const out = bytes.slice();
  const n = Math.max(1, Math.floor(out.length * rng.next() * 0.2));
  for (let i = 0; i < n; i++) out[rng.int(0, out.length - 1)] = rng.int(0, 31);
  return out;
};

// ---------------------------------------------------------------- text level (txt, html)

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export const shuffleLines: Mutator = (rng, _b, text) => {
  const ls = lines(text);
  const from = rng.int(0, Math.max(0, ls.length - 1));
  const to = Math.min(ls.length, from + rng.int(2, 40));
  for (let i = to - 1; i > from; i--) {
    const j = rng.int(from, i);
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
  }
  return utf8(ls.join(''));
};

export const deleteLines: Mutator = (rng, _b, text) => {
  const ls = lines(text);
  const n = rng.int(1, Math.max(1, Math.floor(ls.length / 3)));
  for (let i = 0; i < n && ls.length > 0; i++) ls.splice(rng.int(0, ls.length - 1), rng.int(1, 3));
  return utf8(ls.join(''));
};

export const duplicateLines: Mutator = (rng, _b, text) => {
  const ls = lines(text);
  const n = rng.int(1, 10);
  for (let i = 0; i < n && ls.length > 0; i++) {
    const at = rng.int(0, ls.length - 1);
    // Long runs of one short line (a table row pasted many times), not megabytes of one long line.
    const copies = rng.chance(0.1) && ls[at]!.length < 2000 ? rng.int(50, 400) : rng.int(1, 3);
    ls.splice(at, 0, ...Array<string>(copies).fill(ls[at]!));
  }
  return utf8(ls.join(''));
};

const NUMBERS = ['0', '-1', '1e309', '99999999999999999999999', '3.5', '１２', '一', 'NaN', '٣', '', ' '];

export const changeDigits: Mutator = (rng, _b, text) => {
  const chars = [...text];
  const digits: number[] = [];
  for (let i = 0; i < chars.length; i++) if (/\d/.test(chars[i]!)) digits.push(i);
  const n = rng.int(1, 30);
  for (let i = 0; i < n && digits.length > 0; i++) {
    const at = pick(rng, digits);
    chars[at] = rng.chance(0.8) ? String(rng.int(0, 9)) : pick(rng, NUMBERS);
  }
  return utf8(chars.join(''));
};

const TEXT_JUNK = [
  '\u0000',
  '\u202e',
  '\ufeff',
  '\u200b',
  '\r',
  '\t\t\t',
  '<script>alert(1)</script>',
  "'; DROP TABLE reports; --",
  '表三',
  '收到和处理政府信息公开申请情况',
  '三、收到和处理政府信息公开申请情况',
  '（七）总计',
  '合计 1 2 3 4 5 6 7',
  '𠀀𪚥',
  '%PDF-1.7',
  '<table><tr><td>',
];

export const insertText: Mutator = (rng, _b, text) => {
  const chars = [...text];
  const n = rng.int(1, 20);
  for (let i = 0; i < n; i++) chars.splice(rng.int(0, chars.length), 0, pick(rng, TEXT_JUNK));
  return utf8(chars.join(''));
};

/** The same text as GBK (valid), or GBK with damaged or cut double-byte sequences. */
export const toGbk: Mutator = (rng, _b, text) => {
  const { bytes } = encodeGbk(text);
  if (rng.chance(0.5)) return bytes;
  return rng.chance(0.5) ? flipBytes(rng, bytes, text) : truncate(rng, bytes, text);
};

const TAGS = [
  '<td rowspan="99999">',
  '<td colspan="99999">',
  '<td rowspan="-3" colspan="0">',
  '<td colspan="1e9">',
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<script>',
  '<style>',
  '<br>',
  '&nbsp;',
  '&#0;',
  '&#x110000;',
  '&amp',
];

/** Tag damage: removed or doubled brackets, dropped closing tags, absurd spans, stray markup. */
export const damageTags: Mutator = (rng, _b, text) => {
  let s = text;
  const n = rng.int(1, 25);
  for (let i = 0; i < n; i++) {
    const op = rng.int(0, 3);
    if (op === 0) {
      const at = s.indexOf(pick(rng, ['<', '>', '</td>', '</tr>', '</table>']), rng.int(0, s.length));
      if (at >= 0) s = s.slice(0, at) + s.slice(at + 1);
    } else if (op === 1) {
      const at = rng.int(0, s.length);
      s = s.slice(0, at) + pick(rng, TAGS) + s.slice(at);
    } else if (op === 2) {
      s = s.replace(
        /(row|col)span\s*=\s*"?\d+"?/i,
        `${pick(rng, ['row', 'col'])}span="${rng.int(0, 1_000_000)}"`,
      );
    } else {
      const at = s.indexOf('<td', rng.int(0, s.length));
      if (at >= 0) s = `${s.slice(0, at)}${'<td>x'.repeat(rng.int(1, 200))}${s.slice(at)}`;
    }
  }
  return utf8(s);
};

// ---------------------------------------------------------------- containers (pdf, docx)

/** Damage inside a ZIP: local headers, compressed data or the central directory. */
export const damageZip: Mutator = (rng, bytes) => {
  const out = bytes.slice();
  const region = rng.int(0, 3);
  if (region === 0) return truncate(rng, bytes, '');
  const eocd = lastIndexOf(out, [0x50, 0x4b, 0x05, 0x06]);
  const central = lastIndexOf(out, [0x50, 0x4b, 0x01, 0x02]);
  if (region === 1 && eocd >= 0) {
    for (let i = eocd; i < Math.min(out.length, eocd + 22); i++)
      if (rng.chance(0.3)) out[i] = rng.int(0, 255);
    return out;
  }
  if (region === 2 && central >= 0) {
    for (let i = 0; i < 20; i++) out[rng.int(central, out.length - 1)] = rng.int(0, 255);
    return out;
  }
  return flipBytes(rng, out, '');
};

/** Damage inside a PDF: stream bytes, the xref table, object numbers, or a cut. */
export const damagePdf: Mutator = (rng, bytes) => {
  const kind = rng.int(0, 3);
  if (kind === 0) return truncate(rng, bytes, '');
  const out = bytes.slice();
  if (kind === 1) {
    const xref = lastIndexOf(
      out,
      [...'xref'].map((c) => c.charCodeAt(0)),
    );
    if (xref >= 0) for (let i = 0; i < 60; i++) out[rng.int(xref, out.length - 1)] = rng.int(0x20, 0x7e);
    return out;
  }
  if (kind === 2) {
    const at = indexOfFrom(
      out,
      [...'stream'].map((c) => c.charCodeAt(0)),
      rng.int(0, out.length - 1),
    );
    if (at >= 0)
      for (let i = 0; i < 40; i++) out[Math.min(out.length - 1, at + 8 + rng.int(0, 400))] = rng.int(0, 255);
    return out;
  }
  return flipBytes(rng, out, '');
};

function lastIndexOf(bytes: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = bytes.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function indexOfFrom(bytes: Uint8Array, needle: readonly number[], from: number): number {
  outer: for (let i = from; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export const TEXT_MUTATORS: Record<string, Mutator> = {
  flipBytes,
  truncate,
  insertJunk,
  floodControls,
  shuffleLines,
  deleteLines,
  duplicateLines,
  changeDigits,
  insertText,
  toGbk,
};

export const HTML_MUTATORS: Record<string, Mutator> = { ...TEXT_MUTATORS, damageTags };
export const ZIP_MUTATORS: Record<string, Mutator> = { damageZip, flipBytes, truncate, insertJunk };
export const PDF_MUTATORS: Record<string, Mutator> = { damagePdf, flipBytes, truncate, insertJunk };
