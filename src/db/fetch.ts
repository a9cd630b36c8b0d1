/** Fetching a dataset's files: from the app's own origin only, with byte progress. */

/** Same-origin URLs only: the dashboard never reaches beyond where it was served from. */
export function sameOriginUrl(url: string, base: string = globalThis.location?.href ?? ''): URL {
  const u = new URL(url, base);
  const origin = new URL(base).origin;
  if (u.origin !== origin)
    throw new Error(`refusing to load ${u.href}: only files from ${origin} are loaded`);
  return u;
}

export async function fetchWithProgress(
  url: URL,
  onBytes: (loaded: number, total: number) => void,
): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname.split('/').pop()}: HTTP ${res.status} (${url.href})`);
  const total = Number(res.headers.get('Content-Length') ?? 0);
  return (await readBody(res, (loaded) => onBytes(loaded, total)))!;
}

/**
 * A response's body, chunk by chunk (`onBytes` gets the bytes so far); null as soon as it is
 * announced or found to exceed `limit` bytes (the rest is not read).
 */
export async function readBody(
  res: Response,
  onBytes?: (loaded: number) => void,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array | null> {
  if (Number(res.headers.get('Content-Length') ?? 0) > limit) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.length;
    if (loaded > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
    onBytes?.(loaded);
  }
  const out = new Uint8Array(loaded);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
