import path from 'node:path';
import type { Report } from '../../src/domain/report';

/** Which copy of one report to keep: the original wins over text extracted from it. */
const ORIGINALITY: Record<string, number> = { '.html': 0, '.htm': 0, '.pdf': 1, '.docx': 2, '.txt': 3 };

export interface Candidate {
  file: string;
  report: Report;
  regionCode: string | null;
  unitKind: string;
  /** The body's unit_id when known (src/domain/units/identity.ts): then it alone is the key. */
  unitId?: string;
  /** How many numbers the report printed; a copy with none never displaces one with figures. */
  figures?: number;
}

/**
 * Which body published the report: its unit_id; without one, a government by its region (洪泽区 and 淮安市洪泽区人民政府 are
 * one body), anything else by its normalised unit name (two bureaus of one district are two bodies).
 */
export function unitKey(c: Candidate): string {
  if (c.unitId) return `id:${c.unitId}`;
  if (c.unitKind === 'government' && c.regionCode) return `gov:${c.regionCode}`;
  return `unit:${c.report.unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(人民政府|政府)$/, '')}`;
}

/** Two files with one key are copies of one report: same body, same year. */
export function duplicateKey(c: Candidate): string {
  return `${unitKey(c)}:${c.report.year}`;
}

export function originality(file: string): number {
  return ORIGINALITY[path.extname(file).toLowerCase()] ?? 4;
}

/**
 * Groups candidates by `duplicateKey`; in each group the copy with figures, then the most original
 * format, then the one with the most figures, then the first path is kept.
 */
export function pickOriginals<T extends Candidate>(
  candidates: readonly T[],
): { kept: T[]; duplicates: Map<T, T> } {
  const groups = new Map<string, T[]>();
  for (const c of candidates) {
    const key = duplicateKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const kept: T[] = [];
  const duplicates = new Map<T, T>();
  for (const group of groups.values()) {
    const empty = (c: T) => ((c.figures ?? 1) > 0 ? 0 : 1);
    const sorted = [...group].sort(
      (a, b) =>
        empty(a) - empty(b) ||
        originality(a.file) - originality(b.file) ||
        // A copy cut off mid-table has fewer figures than the whole report (tests/reliability/cli-bad-inputs).
        (b.figures ?? 0) - (a.figures ?? 0) ||
        (a.file < b.file ? -1 : 1),
    );
    const [first, ...rest] = sorted;
    kept.push(first!);
    for (const r of rest) duplicates.set(r, first!);
  }
  return { kept, duplicates };
}
