import type { LabelToken, Token, ValueToken } from './tokens';

/** A maximal stretch of consecutive values, with the labels printed since the previous run. */
export interface Run {
  values: ValueToken[];
  labels: LabelToken[];
  /** The label printed on the same row as the run's first value, if any. */
  bound: LabelToken | null;
}

/** Runs of values in tokens[from, to). */
export function toRuns(tokens: readonly Token[], from: number, to: number): Run[] {
  const runs: Run[] = [];
  let labels: LabelToken[] = [];
  let current: Run | null = null;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label') {
      if (current) {
        runs.push(current);
        current = null;
        labels = [];
      }
      labels.push(t);
      continue;
    }
    if (!current) {
      const last = labels[labels.length - 1];
      current = { values: [], labels, bound: last && last.row === t.row ? last : null };
    }
    current.values.push(t);
  }
  if (current) runs.push(current);
  return runs;
}

/** Digit-only raw text (a possibly negative integer): the material of run-together cells. */
export function isDigitRaw(raw: string): boolean {
  return /^-?\d+$/.test(raw);
}

/**
 * True when a run looks like cells printed without separators ("230 000023", "7000007"):
 * fewer tokens than cells expected, all digits, and enough digits to fill the cells; or
 * multi-digit tokens with leading zeros ("00", "023"), which no printed cell has.
 */
export function isRunTogether(values: readonly ValueToken[], cells: number): boolean {
  if (values.length === 0 || !values.every((v) => isDigitRaw(v.raw))) return false;
  const digits = values.reduce((n, v) => n + v.raw.replace('-', '').length, 0);
  if (values.length < cells && digits >= cells) return true;
  return values.length < cells * 2 && digits > values.length && values.some((v) => /^-?0\d/.test(v.raw));
}
