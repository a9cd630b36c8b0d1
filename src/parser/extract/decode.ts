/**
 * Bytes → string for text and HTML reports. Chinese government sites still publish GBK,
 * so anything that is not valid UTF-8 (and has no BOM) is read as GB18030, the superset
 * of GB2312 and GBK. A `<meta charset>` in HTML wins over the guess.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when the chosen decoder had to substitute U+FFFD for undecodable bytes. */
  lossy: boolean;
}

const GBK_LABELS = /^(gb2312|gbk|gb18030|x-gbk|csgb2312|chinese|euc-cn|iso-ir-58)$/i;
const UTF8_LABELS = /^(utf-?8|unicode-1-1-utf-8)$/i;

/** Decodes `bytes`, preferring (in order) a BOM, a charset declared in markup, valid UTF-8, GB18030. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));

  const declared = declaredCharset(bytes);
  if (declared) return decodeWith(declared, bytes);

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', lossy: false };
  return decodeWith('gb18030', bytes);
}

function decodeWith(encoding: Encoding, bytes: Uint8Array): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, lossy: text.includes('\ufffd') };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The charset an HTML/XML document declares in its first 4 KB (`<meta charset=…>`,
 * `<meta http-equiv content="…; charset=…">`, `<?xml encoding=…?>`), when it is one we map.
 * Declared UTF-8 is honoured only if the bytes really are UTF-8: mislabelled GBK pages exist.
 */
export function declaredCharset(bytes: Uint8Array): Encoding | null {
  // The head is ASCII in every encoding we handle, so latin1 is a safe way to look at it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(head);
  const label = match?.[1];
  if (!label) return null;
  if (GBK_LABELS.test(label)) return 'gb18030';
  if (UTF8_LABELS.test(label)) return tryUtf8(bytes) === null ? null : 'utf-8';
  return null;
}
