import { fnv1a64 } from '../domain/units/hash';

export { fnv1a64 };

/**
 * `report_id`: 16 hex digits of FNV-1a 64 over `unit \0 year \0 sha256-of-the-source-file`.
 * Stable across runs and machines, synchronous and dependency-free, so the CLI, the synthetic
 * generator and browser import compute the same id. The sha256 makes two different files of
 * one unit-year two ids; re-parsing the same file with an unchanged unit keeps its id.
 */
export function reportId(unit: string, year: number, sha256: string): string {
  return fnv1a64(`${unit}\u0000${year}\u0000${sha256}`);
}
