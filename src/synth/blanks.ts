/** Rare non-numeric printed cells: reports print blank, "/", "-" or "—" where they mean nothing to report. */
import type { Report } from '../domain/report';
import type { Rng } from './prng';

/** Share of zero cells in tables 三 and 四 printed as something other than 0. */
export const BLANK_RATE = 0.003;
const PRINTED = ['', '', '/', '-', '—'] as const;

/**
 * Replaces some zeros with null and records what was printed in `report.raw`. Only zeros: a
 * blank where a count belongs would break the identities, and the checks read blank as 0.
 */
export function blankSomeZeros(rng: Rng, report: Report, rate = BLANK_RATE): void {
  for (const table of ['table3', 'table4'] as const) {
    for (const [row, cells] of Object.entries(report[table])) {
      for (const [col, value] of Object.entries(cells)) {
        if (value !== 0 || !rng.chance(rate)) continue;
        cells[col] = null;
        report.raw[`${table}.${row}.${col}`] = rng.pick(PRINTED);
      }
    }
  }
}
