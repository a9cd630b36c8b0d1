import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Source URLs from a README.md next to the inputs (or one folder up), as ../shared/corpus has:
 * a markdown table whose first cell is the file name and whose row contains `Source: <url>`;
 * or from an INDEX.tsv next to them (../shared/corpus/bulk) with `file` and `source` columns.
 * Returns file name → source; files not listed keep their file name as source.
 */
export async function readSourceNotes(dirs: Iterable<string>): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  const seen = new Set<string>();
  for (const dir of dirs) {
    try {
      const tsv = await readFile(path.join(dir, 'INDEX.tsv'), 'utf8');
      for (const [name, source] of parseSourceIndex(tsv)) if (!sources.has(name)) sources.set(name, source);
    } catch {
      // no index here
    }
    for (const candidate of [path.join(dir, 'README.md'), path.join(dir, '..', 'README.md')]) {
      const file = path.resolve(candidate);
      if (seen.has(file)) continue;
      seen.add(file);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      for (const [name, source] of parseSourceTable(text)) if (!sources.has(name)) sources.set(name, source);
    }
  }
  return sources;
}

/** `Source: as above` repeats the previous row's. `| 洪泽区_2024.txt | … Source: github:owner/repo:path |` → [`洪泽区_2024.txt`, `github:owner/repo:path`]. */
export function parseSourceTable(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let previous: string | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const name = cells[1];
    const source = /Source:\s*(.+?)\s*(?:\||$)/.exec(line)?.[1];
    if (!name || !source || !/\.\w+$/.test(name)) continue;
    const url =
      /^(https?:\/\/\S+|github:\S+)/.exec(source)?.[1] ?? (/^as above/i.test(source) ? previous : undefined);
    if (url) out.set(name, url);
    previous = url;
  }
  return out;
}

/** INDEX.tsv: a header row naming `file` and `source` columns, then one file per line. */
export function parseSourceIndex(tsv: string): Map<string, string> {
  const out = new Map<string, string>();
  const [head = '', ...rows] = tsv.split(/\r?\n/);
  const cols = head.split('\t');
  const file = cols.indexOf('file');
  const source = cols.indexOf('source');
  if (file < 0 || source < 0) return out;
  for (const row of rows) {
    const cells = row.split('\t');
    const name = cells[file]?.trim();
    const url = cells[source]?.trim();
    if (name && url && /^(https?:\/\/|github:)/.test(url)) out.set(name, url);
  }
  return out;
}
