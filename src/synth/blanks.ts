/** Rare non-numeric printed cells: reports print blank, "/", "-" or "—" where they mean nothing to report. */
import type { Report } from '../domain/report';
import type { Rng } from './prng';

/** Share of zero cells in tables 三 and 四 printed as something other than 0. */
export const BLANK_RATE = 0.003;
const PRINTED = ['', '', '/', '-', '—'] as const;

/**
 * The checks skip an identity with a blank operand (blank is not zero), so blanks stay off the
 * carry rows: a blank there in one year would hide a carry fault injected in the next.
 */
const NEVER_BLANK = new Set(['carried_over', 'carried_forward']);

/**
 * Replaces some zeros with null and records what was printed in `report.raw`. Only zeros, so a
 * reader counting blank as 0 sees the same identities hold. Call it only on reports without an
 * injected fault: a blank operand would make the checks skip the identity the fault breaks.
 */
export function blankSomeZeros(rng: Rng, report: Report, rate = BLANK_RATE): void {
  for (const table of ['table3', 'table4'] as const) {
    for (const [row, cells] of Object.entries(report[table])) {
      if (NEVER_BLANK.has(row)) continue;
      for (const [col, value] of Object.entries(cells)) {
        if (value !== 0 || !rng.chance(rate)) continue;
        cells[col] = null;
        report.raw[`${table}.${row}.${col}`] = rng.pick(PRINTED);
      }
    }
  }
}
