/**
 * Whether ../shared/corpus (not part of the repository) is there. CI always has it, so with
 * CI set a missing corpus fails the suites that read it (golden, extraction, ingest, mutation)
 * instead of letting them skip and the run go green; elsewhere they skip with a warning.
 */
import { existsSync } from 'node:fs';

export function corpusPresent(dir: string, suites: string): boolean {
  if (existsSync(dir)) return true;
  const message = `${dir} not found: the ${suites} need ../shared/corpus`;
  if (process.env.CI) throw new Error(`${message}. CI always has it: failing instead of skipping.`);
  console.warn(`${message}; skipped (they fail when CI is set)`);
  return false;
}
