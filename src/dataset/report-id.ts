/**
 * `report_id`: 16 hex digits of FNV-1a 64 over `unit \0 year \0 sha256-of-the-source-file`.
 * Stable across runs and machines, synchronous and dependency-free, so the CLI, the synthetic
 * generator and browser import compute the same id. The sha256 makes two different files of
 * one unit-year two ids; re-parsing the same file with an unchanged unit keeps its id.
 */
export function reportId(unit: string, year: number, sha256: string): string {
  return fnv1a64(`${unit}\u0000${year}\u0000${sha256}`);
}

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a, 64 bit, over the UTF-8 bytes of `text`, as 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
