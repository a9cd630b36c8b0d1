/**
 * A GBK encoder for tests (the platform only encodes UTF-8): the reverse of the WHATWG `gbk`
 * decoder, built once by decoding every two-byte sequence. Used to make GBK copies of corpus
 * reports, the way many government sites still publish them.
 */

let table: Map<number, number> | undefined;

function reverseTable(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  const map = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length !== 1 || ch === '\ufffd') continue;
      const code = ch.charCodeAt(0);
      if (!map.has(code)) map.set(code, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

export interface GbkEncoded {
  bytes: Uint8Array;
  /** Characters GBK cannot hold, written as `?` (a faithful copy has none). */
  unencodable: number;
}

export function encodeGbk(text: string): GbkEncoded {
  const map = reverseTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let unencodable = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const gbk = code <= 0xffff ? map.get(code) : undefined;
    if (gbk === undefined) {
      unencodable++;
      out[n++] = 0x3f;
    } else {
      out[n++] = gbk >> 8;
      out[n++] = gbk & 0xff;
    }
  }
  return { bytes: out.slice(0, n), unencodable };
}
