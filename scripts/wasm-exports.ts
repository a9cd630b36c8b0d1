/**
 * DuckDB-WASM's main module exports 75,000 symbols (a 7.4 MB export section of mangled C++
 * names, of a 34 MB file) so that extensions could link against it at run time. The app loads
 * no extensions. The browser must still download, decode and instantiate every export, and the
 * glue then walks them. This keeps the ones anything can ask for:
 * - those the worker's JS names (`wasmExports.x`),
 * - those the module imports through its GOT (`GOT.mem` / `GOT.func`: the glue resolves them from
 *   the exports at start-up), with their `orig$` twins,
 * - the linker's and runtime's own (`__…`, `dynCall_…`), and the `duckdb_web_…` entry points.
 * Function and global indices do not change: only the export section is rewritten.
 */

function readLeb(b: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let p = at;
  for (;;) {
    const x = b[p++]!;
    value += (x & 0x7f) * 2 ** shift;
    shift += 7;
    if ((x & 0x80) === 0) return [value, p];
  }
}

function leb(n: number): number[] {
  const out: number[] = [];
  let v = n;
  do {
    let x = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) x |= 0x80;
    out.push(x);
  } while (v > 0);
  return out;
}

interface Section {
  id: number;
  /** Where the section's id byte is. */
  header: number;
  start: number;
  end: number;
}

function sections(wasm: Uint8Array): Section[] {
  const magic = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  if (!magic.every((m, i) => wasm[i] === m)) throw new Error('not a wasm module (version 1)');
  const out: Section[] = [];
  let p = 8;
  while (p < wasm.length) {
    const header = p;
    const id = wasm[p++]!;
    const [size, start] = readLeb(wasm, p);
    out.push({ id, header, start, end: start + size });
    p = start + size;
  }
  if (p !== wasm.length) throw new Error('wasm sections overrun the file');
  return out;
}

const utf8 = new TextDecoder();

function name(b: Uint8Array, at: number): [string, number] {
  const [len, p] = readLeb(b, at);
  return [utf8.decode(b.subarray(p, p + len)), p + len];
}

/** Field names the module imports from the given import modules. */
export function importedNames(wasm: Uint8Array, modules: readonly string[]): Set<string> {
  const imp = sections(wasm).find((s) => s.id === 2);
  const out = new Set<string>();
  if (!imp) return out;
  let [count, p] = readLeb(wasm, imp.start);
  for (; count > 0; count--) {
    const [mod, p1] = name(wasm, p);
    const [field, p2] = name(wasm, p1);
    const kind = wasm[p2]!;
    p = p2 + 1;
    // The import's description: a type index (func), a table type, a memory type, a global type, a tag.
    if (kind === 0) p = readLeb(wasm, p)[1];
    else if (kind === 1) {
      const flags = wasm[p + 1]!;
      p = readLeb(wasm, p + 2)[1];
      if (flags & 1) p = readLeb(wasm, p)[1];
    } else if (kind === 2) {
      const flags = wasm[p]!;
      p = readLeb(wasm, p + 1)[1];
      if (flags & 1) p = readLeb(wasm, p)[1];
    } else if (kind === 3) p += 2;
    else if (kind === 4) p = readLeb(wasm, p + 1)[1];
    else throw new Error(`unknown import kind ${kind}`);
    if (modules.includes(mod)) out.add(field);
  }
  return out;
}

/** The export names of the module, in order. */
export function exportNames(wasm: Uint8Array): string[] {
  const exp = sections(wasm).find((s) => s.id === 7);
  if (!exp) return [];
  let [count, p] = readLeb(wasm, exp.start);
  const out: string[] = [];
  for (; count > 0; count--) {
    const [n, p1] = name(wasm, p);
    out.push(n);
    p = readLeb(wasm, p1 + 1)[1];
  }
  return out;
}

/** The module with only the exports `keep` accepts; everything else byte for byte the same. */
export function stripExports(wasm: Uint8Array, keep: (name: string) => boolean): Uint8Array {
  const exp = sections(wasm).find((s) => s.id === 7);
  if (!exp) return wasm;
  let [count, p] = readLeb(wasm, exp.start);
  const kept: Uint8Array[] = [];
  for (; count > 0; count--) {
    const start = p;
    const [n, p1] = name(wasm, p);
    p = readLeb(wasm, p1 + 1)[1];
    if (keep(n)) kept.push(wasm.subarray(start, p));
  }
  if (p !== exp.end) throw new Error('wasm export section: unexpected length');
  const body = [...leb(kept.length)];
  const size = kept.reduce((n, k) => n + k.length, body.length);
  const header = [7, ...leb(size)];
  const before = wasm.subarray(0, exp.header);
  const out = new Uint8Array(before.length + header.length + size + (wasm.length - exp.end));
  let o = 0;
  out.set(before, o);
  o += before.length;
  out.set(header, o);
  o += header.length;
  out.set(body, o);
  o += body.length;
  for (const k of kept) {
    out.set(k, o);
    o += k.length;
  }
  out.set(wasm.subarray(exp.end), o);
  return out;
}

/** The exports DuckDB's worker (its JS source) and its module's GOT can ask for. */
export function duckdbExportFilter(wasm: Uint8Array, workerJs: string): (name: string) => boolean {
  const named = new Set([...workerJs.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
  const got = importedNames(wasm, ['GOT.mem', 'GOT.func']);
  return (n) => {
    const base = n.startsWith('orig$') ? n.slice(5) : n;
    return (
      named.has(n) ||
      got.has(base) ||
      n.startsWith('__') ||
      n.startsWith('dynCall_') ||
      n.startsWith('duckdb_web_') ||
      n === 'memory' ||
      n === 'main'
    );
  };
}
