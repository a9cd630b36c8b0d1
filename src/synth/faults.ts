/**
 * Injected faults: each breaks one identity of the consistency checks, the way a typo or a
 * mis-copied figure does in a real report. The checks must then flag the report.
 */
import { APPLICANT_COLUMNS, type ApplicantColumn, TABLE4_GROUPS } from '../domain/keys';
import type { Report } from '../domain/report';
import type { Rng } from './prng';
import { outcomeRows } from './table3';

/** Named after the check rule each one breaks (CheckFailure.rule). */
export const FAULT_KINDS = [
  'table3.column_balance',
  'table3.outcome_sum',
  'table3.row_sum',
  'table4.group_sum',
  'cross_year.carry',
  'cross_year.in_force',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const FAULT_WEIGHTS: Record<FaultKind, number> = {
  'table3.column_balance': 0.25,
  'table3.outcome_sum': 0.2,
  'table3.row_sum': 0.2,
  'table4.group_sum': 0.15,
  'cross_year.carry': 0.1,
  'cross_year.in_force': 0.1,
};

export interface FaultContext {
  /** The unit's previous year is in the dataset (cross-year rules can fire). */
  hasPrevious: boolean;
  /** The previous year is in the 2021 format too (the in_force chain exists). */
  previousIs2021: boolean;
}

/** A typo-sized error: mostly a few units off, sometimes a digit too many. */
function delta(rng: Rng): number {
  return rng.chance(0.2) ? rng.int(10, 90) : rng.int(1, 9);
}

function num(report: Report, table: 'table2' | 'table3' | 'table4', row: string, col: string): number {
  const v = report[table][row]?.[col];
  return typeof v === 'number' ? v : 0;
}

function add(
  report: Report,
  table: 'table2' | 'table3' | 'table4',
  row: string,
  col: string,
  d: number,
): void {
  report[table][row]![col] = num(report, table, row, col) + d;
}

/** Applies `kind` to `report` in place; false when the report offers no cell to break it with. */
function apply(rng: Rng, report: Report, kind: FaultKind): boolean {
  const otherSingle = 'other_single' in report.table3;
  switch (kind) {
    case 'table3.column_balance': {
      // new_received off in one column and its total: the row still sums, the balance does not.
      const col = rng.pick(APPLICANT_COLUMNS);
      const d = delta(rng);
      add(report, 'table3', 'new_received', col, d);
      add(report, 'table3', 'new_received', 'total', d);
      return true;
    }
    case 'table3.outcome_sum': {
      const col = rng.pick(APPLICANT_COLUMNS);
      const d = delta(rng);
      add(report, 'table3', 'granted', col, d);
      add(report, 'table3', 'granted', 'total', d);
      return true;
    }
    case 'table3.row_sum': {
      // A figure moved between two outcome rows of one column: the column still sums, two rows do not.
      const rows = outcomeRows(report.format, otherSingle);
      const sources: [string, ApplicantColumn][] = [];
      for (const row of rows)
        for (const col of APPLICANT_COLUMNS)
          if (num(report, 'table3', row, col) > 0) sources.push([row, col]);
      if (sources.length === 0) return false;
      const [from, col] = rng.pick(sources);
      const to = rng.pick(rows.filter((r) => r !== from));
      const d = Math.min(delta(rng), num(report, 'table3', from, col));
      add(report, 'table3', from, col, -d);
      add(report, 'table3', to, col, d);
      return true;
    }
    case 'table4.group_sum': {
      const group = rng.pick(TABLE4_GROUPS);
      add(report, 'table4', group, 'total', delta(rng));
      return true;
    }
    case 'cross_year.carry': {
      // carried_over no longer last year's carried_forward; new_received compensates so every
      // identity inside the report still holds.
      const cols = APPLICANT_COLUMNS.filter((c) => num(report, 'table3', 'new_received', c) > 0);
      if (cols.length === 0) return false;
      const col = rng.pick(cols);
      const d = Math.min(delta(rng), num(report, 'table3', 'new_received', col));
      for (const c of [col, 'total']) {
        add(report, 'table3', 'carried_over', c, d);
        add(report, 'table3', 'new_received', c, -d);
      }
      return true;
    }
    case 'cross_year.in_force': {
      // issued off, in_force kept: only last year's in_force + issued − repealed disagrees.
      const item =
        typeof report.table2.regulations?.issued === 'number' && rng.chance(0.3)
          ? 'regulations'
          : 'normative_documents';
      add(report, 'table2', item, 'issued', delta(rng));
      return true;
    }
  }
}

/** The fault kinds `report` can carry given what surrounds it in the dataset. */
export function applicableFaults(report: Report, context: FaultContext): FaultKind[] {
  return FAULT_KINDS.filter((kind) => {
    if (kind === 'cross_year.carry') return context.hasPrevious;
    if (kind === 'cross_year.in_force')
      return context.hasPrevious && context.previousIs2021 && report.format === '2021';
    return true;
  });
}

/** Picks a kind by weight among the applicable ones and applies it; returns the kind applied, or null. */
export function injectFault(rng: Rng, report: Report, context: FaultContext): FaultKind | null {
  let kinds = applicableFaults(report, context);
  while (kinds.length > 0) {
    const total = kinds.reduce((s, k) => s + FAULT_WEIGHTS[k], 0);
    const u = rng.next() * total;
    let acc = 0;
    const kind =
      kinds.find((k) => {
        acc += FAULT_WEIGHTS[k];
        return u < acc;
      }) ?? kinds[kinds.length - 1]!;
    if (apply(rng, report, kind)) return kind;
    kinds = kinds.filter((k) => k !== kind);
  }
  return null;
}
