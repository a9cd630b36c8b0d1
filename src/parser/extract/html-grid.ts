/** One <td>/<th> as read from the markup, before the grid is laid out. */
export interface SpanCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/**
 * Lays out rows of spanning cells as a rectangular grid, the way a browser places them.
 *
 * - A `rowspan` cell's text is REPEATED in every row it covers (so each row of table 三
 *   carries its group label, e.g. 三、本年度办理结果 / （三）不予公开, next to its own label).
 * - A `colspan` cell's text goes in its FIRST column only; the columns it covers are ''
 *   (so a value spanning three columns is read once, not three times).
 * - Every row is padded with '' to the grid width: cell i is grid column i in every row.
 * - `rowspan="0"` (span to the end) and spans past the last row are clipped to the table.
 */
export function layoutGrid(rows: ReadonlyArray<ReadonlyArray<SpanCell>>): string[][] {
  const grid: Array<Array<string | undefined>> = rows.map(() => []);
  rows.forEach((cells, r) => {
    const row = grid[r]!;
    let col = 0;
    for (const cell of cells) {
      while (row[col] !== undefined) col++;
      const rowspan = cell.rowspan <= 0 ? rows.length - r : Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < cell.colspan; dc++) {
          // An overlapping span (malformed markup) keeps the cell that was placed first.
          if (target[col + dc] === undefined) target[col + dc] = dc === 0 ? cell.text : '';
        }
      }
      col += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** A span attribute as the HTML spec reads it: digits only, 1 when absent or invalid, capped. */
export function spanAttr(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  if (Number.isNaN(n) || n < 0) return 1;
  return Math.min(n, max);
}
