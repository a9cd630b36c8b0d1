import { GridBudget } from './limits';

/** One <td>/<th> as read from the markup, before the grid is laid out. */
export interface SpanCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** A grid slot: the cell placed there, and whether it started in this slot's row and column. */
interface Slot {
  text: string;
  /** 'origin': the cell's own slot; 'below': covered by a rowspan; 'right': covered by a colspan. */
  from: 'origin' | 'below' | 'right';
}

/**
 * Lays out rows of spanning cells the way a browser places them, then reads each row back
 * left to right:
 *
 * - A `rowspan` cell's text is REPEATED in every row it covers, in its column (so each row of
 *   table 三 carries its group label, e.g. 三、本年度办理结果 / （三）不予公开, before its own label).
 * - The columns a `colspan` cell covers are OMITTED: a value spanning two grid columns is one
 *   cell, read once. Word-exported tables often split one printed column into two grid columns
 *   in some rows only; omitting the covered slots keeps the printed column count.
 * - So '' in the output is always a real empty cell, never layout filler. Rows are not padded,
 *   and cell i is the i-th printed cell of the row, not necessarily grid column i.
 * - `rowspan="0"` spans to the end of the cell's row group (thead/tbody/tfoot: `groups[r]` names
 *   row r's group; all one group when absent), as the HTML spec says; spans past the group's last
 *   row are clipped to it.
 * - Every slot placed is drawn from `budget` (the document's, shared by its tables): a crafted
 *   table whose spans would expand to millions of slots throws LimitExceeded before it is built.
 */
export function layoutGrid(
  rows: ReadonlyArray<ReadonlyArray<SpanCell>>,
  groups?: readonly number[],
  budget: GridBudget = new GridBudget(),
): string[][] {
  const grid: Array<Array<Slot | undefined>> = rows.map(() => []);
  const groupEnd = groupEnds(rows.length, groups);
  rows.forEach((cells, r) => {
    const row = grid[r]!;
    let col = 0;
    const left = groupEnd[r]! - r;
    for (const cell of cells) {
      while (row[col] !== undefined) col++;
      const rowspan = cell.rowspan <= 0 ? left : Math.min(cell.rowspan, left);
      budget.take(rowspan * cell.colspan);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < cell.colspan; dc++) {
          // Overlapping spans (malformed markup): the cell placed first keeps the slot.
          if (target[col + dc] !== undefined) continue;
          const from = dc > 0 ? 'right' : dr > 0 ? 'below' : 'origin';
          target[col + dc] = { text: cell.text, from };
        }
      }
      col += cell.colspan;
    }
  });
  return grid.map((row) => {
    const out: string[] = [];
    for (const slot of row) if (slot && slot.from !== 'right') out.push(slot.text);
    return out;
  });
}

/** For each row, the index just past the last row of its group. */
function groupEnds(n: number, groups: readonly number[] | undefined): number[] {
  const ends = new Array<number>(n);
  let end = n;
  for (let r = n - 1; r >= 0; r--) {
    if (groups && r + 1 < n && groups[r] !== groups[r + 1]) end = r + 1;
    ends[r] = end;
  }
  return ends;
}

/** A span attribute as the HTML spec reads it: 1 when absent or invalid, capped at `max`. */
export function spanAttr(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  if (Number.isNaN(n) || n < 0) return 1;
  return Math.min(n, max);
}
