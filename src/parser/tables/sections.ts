/**
 * Where tables 二, 三 and 四 sit in the token stream. Headings also occur in the introduction
 * ("内容包括…收到和处理政府信息公开申请情况…"), so the table-三 heading is the last occurrence
 * that still has table-三 rows after it; regions are token ranges [start, end).
 */
import { isHeading, matchTable3Label, TABLE2_HEADING, TABLE3_HEADING, TABLE4_HEADING } from '../labels';
import type { Token } from './tokens';

export interface Sections {
  table2: [number, number] | null;
  table3: [number, number] | null;
  table4: [number, number] | null;
}

function rowLabelsBetween(tokens: readonly Token[], from: number, to: number): number {
  const seen = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'label') continue;
    const m = matchTable3Label(t.text);
    if (m && !isHeading(m)) seen.add(m);
    if (seen.size >= 3) break;
  }
  return seen.size;
}

function nextMatching(tokens: readonly Token[], from: number, re: RegExp): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && re.test(t.text)) return i;
  }
  return tokens.length;
}

export function findSections(tokens: readonly Token[]): Sections {
  const headings: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && TABLE3_HEADING.test(t.text)) headings.push(i);
  }
  let t3Start = -1;
  let t3End = tokens.length;
  for (let h = headings.length - 1; h >= 0; h--) {
    const start = headings[h]!;
    const end = nextMatching(tokens, start + 1, TABLE4_HEADING);
    // The heading token itself may carry the first row label (flattened text).
    if (rowLabelsBetween(tokens, start, end) >= 2) {
      t3Start = start;
      t3End = end;
      break;
    }
  }
  if (t3Start < 0) {
    // No usable heading (an excerpt that starts inside the table): the first row label.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'label') continue;
      const m = matchTable3Label(t.text);
      if (m === 'new_received' || m === 'carried_over') {
        const end = nextMatching(tokens, i + 1, TABLE4_HEADING);
        if (rowLabelsBetween(tokens, i, end) >= 2) {
          t3Start = i;
          t3End = end;
          break;
        }
      }
    }
  }
  if (t3Start < 0) return { table2: null, table3: null, table4: null };

  // Table 二 starts at its first item heading 第二十条第（一）项 (the section heading may be far
  // above it, or repeated as a markdown caption below it).
  let t2Start = -1;
  for (let i = 0; i < t3Start; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && /第二十条第\(?[一1]\)?项/.test(t.text)) {
      t2Start = i;
      break;
    }
  }
  if (t2Start < 0) {
    for (let i = t3Start - 1; i >= 0; i--) {
      const t = tokens[i]!;
      if (t.kind === 'label' && TABLE2_HEADING.test(t.text)) {
        t2Start = i;
        break;
      }
    }
  }
  const table4: [number, number] | null = t3End < tokens.length ? [t3End, tokens.length] : null;
  return {
    table2: t2Start >= 0 ? [t2Start, t3Start + 1] : null,
    table3: [t3Start, t3End],
    table4,
  };
}
