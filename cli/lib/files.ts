import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_REPORT_BYTES, sizeProblem } from '../../src/parser/limits';

/** Extensions picked up when walking a folder; a file named explicitly is always taken. */
export const REPORT_EXTENSIONS = ['.txt', '.htm', '.html', '.pdf', '.docx'] as const;

export interface InputProblem {
  path: string;
  reason: string;
}

export interface InputFile {
  path: string;
  /** Path relative to the folder it was found in (the file name for a file named directly). */
  name: string;
}

/** Files named in `inputs`, folders walked recursively (hidden entries skipped), sorted, deduplicated. */
export async function collectInputs(
  inputs: readonly string[],
): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const add = (file: string, name: string) => {
    const key = path.resolve(file);
    if (!files.has(key)) files.set(key, { path: file, name: name.split(path.sep).join('/') });
  };
  const walk = async (dir: string, root: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full, root);
      else if (
        e.isFile() &&
        (REPORT_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase())
      )
        add(full, path.relative(root, full));
    }
  };
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input, input);
      else add(input, path.basename(input));
    } catch (error) {
      problems.push({ path: input, reason: describeIoError(error) });
    }
  }
  return {
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    problems,
  };
}

/**
 * The file's bytes, never more than `limit`. The size is checked before reading (a 100 MB
 * mistake is refused unread), and the read itself stops past the limit: a device or pipe
 * (`/dev/zero`, whose size reads 0) would otherwise be read forever.
 */
export async function readBytes(file: string, limit = MAX_REPORT_BYTES): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    const tooBig = sizeProblem(info.size, limit);
    if (tooBig) throw new Error(tooBig);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(1 << 20, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit)
        throw new Error(sizeProblem(total, limit)!.replace(/\(([\d.]+) MB;/, '(more than $1 MB;'));
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    await handle.close();
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `ENOENT: no such file…` → `no such file or directory`; one line, no stack. */
export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return (e?.message ?? String(error)).split('\n')[0]!;
}
