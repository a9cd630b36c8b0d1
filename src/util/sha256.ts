/**
 * SHA-256 of a file as lowercase hex, for `report.source.sha256`.
 *
 * Node: node:crypto's synchronous hash. WebCrypto's `digest` runs on the libuv thread pool
 * there; for a few KB of text the hand-off costs far more than the hashing (≈20% of parsing a
 * small text report, and most of its wall time on a loaded machine). Browser: crypto.subtle.
 */
type HashSync = (bytes: Uint8Array) => string;

let nodeHash: Promise<HashSync | null> | undefined;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  nodeHash ??= loadNodeHash();
  const sync = await nodeHash;
  if (sync) return sync(bytes);
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function loadNodeHash(): Promise<HashSync | null> {
  const isNode =
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string' &&
    typeof window === 'undefined';
  if (!isNode) return null;
  // A non-literal specifier keeps bundlers from pulling node:crypto into the web app.
  const specifier = 'node:crypto';
  try {
    const { createHash } = (await import(/* @vite-ignore */ specifier)) as typeof import('node:crypto');
    return (bytes) => createHash('sha256').update(bytes).digest('hex');
  } catch {
    return null;
  }
}
