/**
 * Recovering cells from digits printed without separators (flattened crawler text such as
 * "230 000023" for 23|0|0|0|0|0|23). Whitespace between tokens is always a cell boundary; within
 * a token any cut is possible except one that leaves a multi-digit number with a leading zero.
 */

export interface SplitOptions {
  /** Stop after this many candidates (the search is exponential in the worst case). */
  limit?: number;
  /** Keep only candidates passing this test (e.g. row sum = total). */
  accept?: (parts: readonly number[]) => boolean;
}

/** Every way to cut `tokens` into exactly `parts` numbers. */
export function splitCandidates(
  tokens: readonly string[],
  parts: number,
  opts: SplitOptions = {},
): number[][] {
  const limit = opts.limit ?? 5000;
  const out: number[][] = [];
  const acc: number[] = [];
  const clean = tokens.filter((t) => t.length > 0);
  // remainingDigits[i]: digits in tokens i.. (for pruning).
  const remainingDigits: number[] = [];
  let sum = 0;
  for (let i = clean.length - 1; i >= 0; i--) {
    sum += clean[i]!.replace('-', '').length;
    remainingDigits[i] = sum;
  }

  const rec = (ti: number, ci: number): void => {
    if (out.length >= limit) return;
    if (ti === clean.length) {
      if (acc.length === parts && (!opts.accept || opts.accept(acc))) out.push([...acc]);
      return;
    }
    const tok = clean[ti]!;
    const left = parts - acc.length;
    if (left <= 0) return;
    // Tokens still to visit each need at least one part.
    if (clean.length - ti > left) return;
    const inToken = tok.length - ci - (ci === 0 && tok.startsWith('-') ? 1 : 0);
    if (inToken + (remainingDigits[ti + 1] ?? 0) < left) return;
    let start = ci;
    let sign = 1;
    if (start === 0 && tok.startsWith('-')) {
      sign = -1;
      start = 1;
    }
    const maxLen = tok.length - start;
    const isLastToken = ti === clean.length - 1;
    for (let len = 1; len <= maxLen; len++) {
      const piece = tok.slice(start, start + len);
      if (piece.length > 1 && piece.startsWith('0')) break;
      const end = start + len;
      // A token's last part must end the token when it is the last token.
      if (isLastToken && left === 1 && end !== tok.length) continue;
      acc.push(sign * Number(piece));
      if (end === tok.length) rec(ti + 1, 0);
      else rec(ti, end);
      acc.pop();
    }
  };
  rec(0, 0);
  return out;
}

/** Row identity of table 三: the six applicant columns sum to the total. */
export function rowSumHolds(parts: readonly number[]): boolean {
  if (parts.length !== 7) return false;
  let s = 0;
  for (let i = 0; i < 6; i++) s += parts[i]!;
  return s === parts[6];
}

/** Group identities of table 四: upheld + corrected + other + pending = total, per group of 5. */
export function groupSumsHold(parts: readonly number[]): boolean {
  for (let g = 0; g + 5 <= parts.length; g += 5) {
    if (parts[g]! + parts[g + 1]! + parts[g + 2]! + parts[g + 3]! !== parts[g + 4]) return false;
  }
  return true;
}
