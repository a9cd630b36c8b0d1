/**
 * The size checks a DOCX passes before mammoth (JSZip) sees it: JSZip inflates a part whole,
 * into memory, trusting nothing but the data, so a 1.4 MB file whose document.xml inflates to
 * 400 MB took the tab and the CLI down. Here every part is inflated first in small steps with
 * the platform's DecompressionStream (browser and Node), counting bytes and stopping at the
 * bound, so nothing past MAX_ZIP_ENTRY_BYTES / MAX_ZIP_TOTAL_BYTES is ever held. The sizes the
 * central directory declares are checked first (cheap), but not trusted: a bomb can lie.
 */
import {
  LimitExceeded,
  limitRefusal,
  MAX_ZIP_ENTRIES,
  MAX_ZIP_ENTRY_BYTES,
  MAX_ZIP_TOTAL_BYTES,
} from './limits';

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

/** Throws LimitExceeded when a part of the ZIP inflates past a bound; Error when it is damaged. */
export async function checkZipBounds(bytes: Uint8Array): Promise<void> {
  const entries = centralDirectory(bytes);
  if (entries.length > MAX_ZIP_ENTRIES) throw new LimitExceeded(limitRefusal.zipEntries(entries.length));
  let declaredTotal = 0;
  for (const e of entries) {
    if (e.declared > MAX_ZIP_ENTRY_BYTES) throw new LimitExceeded(limitRefusal.zipEntry(e.name));
    declaredTotal += e.declared;
  }
  if (declaredTotal > MAX_ZIP_TOTAL_BYTES) throw new LimitExceeded(limitRefusal.zipTotal());
  let total = 0;
  for (const e of entries) {
    const data = entryData(bytes, e);
    const size = e.method === 0 ? data.length : await inflatedSize(data, MAX_ZIP_ENTRY_BYTES, e.name);
    total += size;
    if (total > MAX_ZIP_TOTAL_BYTES) throw new LimitExceeded(limitRefusal.zipTotal());
  }
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

function centralDirectory(b: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record: in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('damaged ZIP: no central directory');
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50)
      throw new Error('damaged ZIP: bad central directory');
    const nameLength = u16(b, at + 28);
    const extra = u16(b, at + 30);
    const comment = u16(b, at + 32);
    entries.push({
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)).slice(0, 200),
      method: u16(b, at + 10),
      compressed: u32(b, at + 20),
      declared: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function entryData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new Error(`damaged ZIP: part ${e.name}`);
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  // ZIP64 (sizes 0xFFFFFFFF) never occurs in a report-sized file: read to the end, still bounded.
  const end = e.compressed === 0xffffffff ? b.length : start + e.compressed;
  if (end > b.length) throw new Error(`damaged ZIP: part ${e.name} is cut off`);
  return b.subarray(start, end);
}

/** The inflated size of raw-deflate `data`, fed in 4 KB steps; throws once it passes `limit`. */
async function inflatedSize(data: Uint8Array, limit: number, name: string): Promise<number> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const STEP = 4096;
  let stop = false;
  const feeding = (async () => {
    for (let i = 0; i < data.length && !stop; i += STEP) {
      await writer.ready;
      await writer.write(data.subarray(i, i + STEP) as Uint8Array<ArrayBuffer>);
    }
    if (!stop) await writer.close();
  })();
  feeding.catch(() => undefined);
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) throw new LimitExceeded(limitRefusal.zipEntry(name));
    }
    await feeding;
    return size;
  } catch (error) {
    stop = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    if (error instanceof LimitExceeded) throw error;
    throw new Error(`damaged ZIP: part ${name} does not inflate`);
  }
}
