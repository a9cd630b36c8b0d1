/** Table 三 for one unit-year: intake, outcomes and carry-over that satisfy rules 1–3 by construction. */
import { APPLICANT_COLUMNS, type ApplicantColumn, type Format, TABLE3_ROWS } from '../domain/keys';
import type { TableValues } from '../domain/report';
import { binomial, multinomial } from './distributions';
import type { Rng } from './prng';
import type { UnitProfile } from './profile';

export type ApplicantCounts = Record<ApplicantColumn, number>;

/** The outcome rows a report prints: 2019 format (and a few later reports) print 其他处理 as one row. */
export function outcomeRows(format: Format, otherSingle: boolean): string[] {
  const single = format === '2019' || otherSingle;
  return TABLE3_ROWS.filter((r) => {
    if (r.group === 'intake' || r.group === 'total' || r.group === 'forward') return false;
    if (r.key === 'other_single') return single;
    if (r.group === 'other') return !single;
    return true;
  }).map((r) => r.key);
}

function outcomeWeight(profile: UnitProfile, row: string): number {
  if (row === 'other_single') {
    const m = profile.outcomeMix;
    return (m.other_overdue_correction ?? 0) + (m.other_overdue_fee ?? 0) + (m.other_other ?? 0);
  }
  return profile.outcomeMix[row] ?? 0;
}

export interface Table3Result {
  table3: TableValues;
  carriedForward: ApplicantCounts;
}

/**
 * `carriedOver` is last year's `carried_forward` (rule 5); null for the first generated year,
 * when a plausible 2018 backlog is drawn instead.
 */
export function generateTable3(
  rng: Rng,
  profile: UnitProfile,
  newRequests: number,
  format: Format,
  carriedOver: ApplicantCounts | null,
  otherSingle: boolean,
): Table3Result {
  const rows = outcomeRows(format, otherSingle);
  const weights = rows.map((r) => outcomeWeight(profile, r));
  const split = multinomial(rng, newRequests, profile.applicantMix);
  const table3: TableValues = {};
  const put = (row: string, col: string, v: number) => {
    table3[row] ??= {};
    table3[row]![col] = v;
  };
  const forward = {} as ApplicantCounts;
  APPLICANT_COLUMNS.forEach((col, i) => {
    const fresh = split[i]!;
    const over = carriedOver ? carriedOver[col] : binomial(rng, fresh, profile.carryRate);
    const workload = fresh + over;
    const fwd = binomial(rng, workload, profile.carryRate);
    const outcomes = multinomial(rng, workload - fwd, weights);
    put('new_received', col, fresh);
    put('carried_over', col, over);
    rows.forEach((row, j) => {
      put(row, col, outcomes[j]!);
    });
    put('total_handled', col, workload - fwd);
    put('carried_forward', col, fwd);
    forward[col] = fwd;
  });
  for (const row of Object.keys(table3)) {
    const cells = table3[row]!;
    put(
      row,
      'total',
      APPLICANT_COLUMNS.reduce((s, c) => s + (cells[c] ?? 0), 0),
    );
  }
  return { table3: orderRows(table3), carriedForward: forward };
}

/** Rows in printed order, so every consumer (cells, hashes) sees one order. */
function orderRows(table: TableValues): TableValues {
  const ordered: TableValues = {};
  for (const def of TABLE3_ROWS) {
    const row = table[def.key];
    if (row) ordered[def.key] = row;
  }
  return ordered;
}
