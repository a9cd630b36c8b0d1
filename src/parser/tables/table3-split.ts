/**
 * Choosing cuts for run-together table-三 rows. Each row's candidates must satisfy its row sum
 * (six applicant columns = total) when any candidate does; the combination across rows is the
 * one that breaks the fewest column identities (intake = handled + forward; outcomes = handled).
 * When several combinations tie, the first is kept and each row that differs is flagged
 * `ambiguous_split`.
 */
import { OUTCOME_ROWS, TABLE3_COLUMNS, type Table3Row } from '../../domain/keys';
import type { CheckFailure, TableValues } from '../../domain/report';
import { rowSumHolds, splitCandidates } from './split';

const WIDTH = TABLE3_COLUMNS.length;
const MAX_COMBINATIONS = 20000;

export interface SplitChoice {
  values: Map<Table3Row, (number | null)[]>;
  checks: CheckFailure[];
}

type Grid = Map<string, readonly (number | null)[]>;

function violations(grid: Grid): number {
  let bad = 0;
  const get = (r: string, c: number): number | null | undefined => grid.get(r)?.[c];
  for (let c = 0; c < WIDTH; c++) {
    const a = get('new_received', c);
    const b = get('carried_over', c);
    const t = get('total_handled', c);
    const f = get('carried_forward', c);
    if (typeof a === 'number' && typeof b === 'number' && typeof t === 'number' && typeof f === 'number') {
      if (a + b !== t + f) bad++;
    }
    if (typeof t === 'number') {
      let s = 0;
      let any = false;
      for (const r of OUTCOME_ROWS) {
        const v = get(r, c);
        if (typeof v === 'number') {
          s += v;
          any = true;
        }
      }
      if (any && s !== t) bad++;
    }
  }
  return bad;
}

/**
 * One digit short of a row, in two pieces ("0 00000"): the flattened page printed the empty
 * cell as the space between them (an HTML &nbsp; cell), so every other cell is one digit and the
 * blank sits at the gap.
 */
function blankAtGap(tokens: readonly string[]): (number | null)[] | null {
  const clean = tokens.filter((t) => t.length > 0);
  if (clean.length !== 2 || !clean.every((t) => /^\d+$/.test(t))) return null;
  if (clean[0]!.length + clean[1]!.length !== WIDTH - 1) return null;
  return [...[...clean[0]!].map(Number), null, ...[...clean[1]!].map(Number)];
}

export function chooseSplits(flat: Map<Table3Row, string[]>, fixed: TableValues): SplitChoice {
  const grid: Grid = new Map();
  for (const [row, rec] of Object.entries(fixed))
    grid.set(
      row,
      TABLE3_COLUMNS.map((c) => rec[c] ?? null),
    );
  const rows: Table3Row[] = [];
  const cands: number[][][] = [];
  const checks: CheckFailure[] = [];
  const blanks = new Map<Table3Row, (number | null)[]>();
  for (const [row, tokens] of flat) {
    const gap = blankAtGap(tokens);
    if (gap) {
      blanks.set(row, gap);
      grid.set(row, gap);
      continue;
    }
    let list = splitCandidates(tokens, WIDTH, { accept: rowSumHolds, limit: 200 });
    if (list.length === 0) list = splitCandidates(tokens, WIDTH, { limit: 200 });
    if (list.length === 0) {
      checks.push({
        rule: 'ambiguous_split',
        where: `table3.${row}`,
        expected: null,
        actual: null,
        message: `表三 ${row}: 无法把连写数字 "${tokens.join(' ')}" 拆成 7 格 / cannot cut run-together digits into 7 cells`,
      });
      continue;
    }
    rows.push(row);
    cands.push(list);
  }
  const choice = rows.map(() => 0);
  const apply = (idx: number[]): void => {
    rows.forEach((r, i) => {
      grid.set(r, cands[i]![idx[i]!]!);
    });
  };
  const total = cands.reduce((n, c) => n * c.length, 1);
  let best: number[][] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  if (total <= MAX_COMBINATIONS) {
    const idx = rows.map(() => 0);
    for (let k = 0; k < total; k++) {
      let rest = k;
      for (let i = 0; i < rows.length; i++) {
        idx[i] = rest % cands[i]!.length;
        rest = Math.floor(rest / cands[i]!.length);
      }
      apply(idx);
      const s = violations(grid);
      if (s < bestScore) {
        bestScore = s;
        best = [[...idx]];
      } else if (s === bestScore) best.push([...idx]);
    }
  } else {
    // Too many combinations: improve one row at a time from the first candidates.
    apply(choice);
    for (let pass = 0; pass < 3; pass++) {
      for (let i = 0; i < rows.length; i++) {
        let bi = choice[i]!;
        let bs = Number.POSITIVE_INFINITY;
        for (let j = 0; j < cands[i]!.length; j++) {
          choice[i] = j;
          apply(choice);
          const s = violations(grid);
          if (s < bs) {
            bs = s;
            bi = j;
          }
        }
        choice[i] = bi;
      }
    }
    best = [[...choice]];
  }
  const pick = best[0] ?? choice;
  const values = new Map<Table3Row, (number | null)[]>(blanks);
  rows.forEach((r, i) => {
    values.set(r, cands[i]![pick[i]!]!);
    const alternatives = new Set(best.map((b) => cands[i]![b[i]!]!.join('|')));
    if (alternatives.size > 1) {
      checks.push({
        rule: 'ambiguous_split',
        where: `table3.${r}`,
        expected: null,
        actual: null,
        message: `表三 ${r}: 连写数字 "${flat.get(r)!.join(' ')}" 有 ${alternatives.size} 种同样合理的拆分 (${[...alternatives].slice(0, 3).join(' / ')}) / run-together digits fit more than one split`,
      });
    }
  });
  return { values, checks };
}
