/**
 * Reliability counts: each suite prints one `reliability: …` line and records it under
 * test-output/reliability/, where the end-of-run summary (./summary.ts) collects them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const COUNTS_DIR = path.join(repoRoot, 'test-output', 'reliability');

export interface Count {
  suite: string;
  passed: number;
  failed: number;
  /** Extra measured facts for the line, e.g. `38.2 s`. */
  note?: string;
}

export function countLine(c: Count): string {
  return `reliability: ${c.suite} ${c.passed} passed, ${c.failed} failed${c.note ? ` (${c.note})` : ''}`;
}

export function recordCount(c: Count): void {
  console.log(countLine(c));
  mkdirSync(COUNTS_DIR, { recursive: true });
  const file = `${c.suite.replace(/[^a-z0-9]+/gi, '-')}.json`;
  writeFileSync(path.join(COUNTS_DIR, file), `${JSON.stringify(c)}\n`);
}
