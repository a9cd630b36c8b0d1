/**
 * Vitest global setup: at the end of a run, print every reliability count recorded during it
 * (tests/reliability/counts.ts), so the numbers close the output of `npm test`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COUNTS_DIR, type Count, countLine } from './counts';

export default function setup() {
  const started = Date.now();
  return () => {
    if (!existsSync(COUNTS_DIR)) return;
    const lines = readdirSync(COUNTS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(COUNTS_DIR, f))
      .filter((f) => statSync(f).mtimeMs >= started - 1000)
      .map((f) => countLine(JSON.parse(readFileSync(f, 'utf8')) as Count))
      .sort();
    if (lines.length === 0) return;
    console.log(`\n${lines.join('\n')}\n`);
  };
}
