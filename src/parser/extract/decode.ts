/**
 * Bytes → string for text and HTML reports. Chinese government sites still publish GBK, so
 * the order is: a BOM (UTF-8, UTF-16LE/BE); else valid UTF-8; else the charset the markup
 * declares (`<meta charset>`, `<?xml encoding?>`, e.g. gbk or big5); else GB18030, the superset
 * of GB2312 and GBK. Valid UTF-8 wins over a declaration because pages are often mislabelled
 * (a CMS template saying gbk around UTF-8 content, or the reverse), while real GBK text of any
 * length is practically never valid UTF-8.
 */

export interface Decoded {
  text: string;
  /** The WHATWG encoding name used, e.g. 'utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le'. */
  encoding: string;
  /** True when the decoder had to substitute U+FFFD for undecodable bytes. */
  lossy: boolean;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));

  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', lossy: false };
  return decodeWith(declaredCharset(bytes) ?? 'gb18030', bytes);
}

function decodeWith(encoding: string, bytes: Uint8Array): Decoded {
  const decoder = new TextDecoder(encoding);
  const text = decoder.decode(bytes);
  return { text, encoding: decoder.encoding, lossy: text.includes('\ufffd') };
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
 * `<meta http-equiv content="…; charset=…">`, `<?xml encoding=…?>`), if the platform decodes
 * it; null for UTF-8 declarations (the bytes already failed as UTF-8) and unknown labels.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // The head is ASCII in every encoding we handle, so latin1 is a safe way to look at it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match =
    /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(head);
  const label = match?.[1];
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding === 'utf-8' || encoding.startsWith('utf-16') ? null : encoding;
  } catch {
    return null;
  }
}
