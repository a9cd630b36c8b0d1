import { describe, expect, it } from 'vitest';
import { estimateSkew, findTables, inkMask } from '../../../src/parser/ocr/grid';
import { type GreyImage, makeImage, rotate } from '../../../src/parser/ocr/image';

function hline(img: GreyImage, y: number, x0: number, x1: number): void {
  for (let t = 0; t < 3; t++) for (let x = x0; x <= x1; x++) img.data[(y + t) * img.width + x] = 0;
}
function vline(img: GreyImage, x: number, y0: number, y1: number): void {
  for (let t = 0; t < 3; t++) for (let y = y0; y <= y1; y++) img.data[y * img.width + x + t] = 0;
}

/** 3 columns × 3 rows; the first column's cell spans rows 2 and 3 (no rule between them there). */
function grid({ sides = true } = {}): GreyImage {
  const img = makeImage(800, 600);
  hline(img, 40, 40, 760);
  hline(img, 160, 40, 760);
  hline(img, 280, 280, 760);
  hline(img, 400, 40, 760);
  for (const x of sides ? [40, 280, 520, 760] : [280, 520]) vline(img, x, 40, 402);
  return img;
}

const boxes = (img: GreyImage) =>
  findTables(inkMask(img, 128), img.width, img.height, 200).map((t) =>
    t.rows.map((r) => r.map((c) => [Math.round(c.x0), Math.round(c.y0), Math.round(c.x1), Math.round(c.y1)])),
  );

describe('ruled grid', () => {
  it('finds the cells, a cell spanning two rows starting in the first of them', () => {
    const [table] = boxes(grid());
    expect(table).toHaveLength(3);
    expect(table![0]).toHaveLength(3);
    expect(table![1]!.map((c) => c[0])).toEqual([41, 281, 521]);
    expect(table![1]![0]![3]).toBe(401); // spans down to the bottom rule
    expect(table![2]!.map((c) => c[0])).toEqual([281, 521]);
  });

  it('reads an open table (no outer side rules) by the horizontal rules’ ends', () => {
    const [table] = boxes(grid({ sides: false }));
    expect(table![0]!.map((c) => c[0])).toEqual([40, 281, 521]);
    expect(table![0]!.at(-1)![2]).toBe(760);
  });

  it('measures a slight skew and straightening it restores the grid', () => {
    const skewed = rotate(grid(), (0.6 * Math.PI) / 180);
    const skew = estimateSkew(inkMask(skewed, 128), skewed.width, skewed.height);
    // The angle that undoes it: rotating back by the estimate straightens the page.
    expect((skew * 180) / Math.PI).toBeCloseTo(-0.6, 1);
    const straight = rotate(skewed, skew);
    expect(boxes(straight)[0]!.map((r) => r.length)).toEqual([3, 3, 2]);
  });

  it('finds no table on a page without rules, and text strokes are not rules', () => {
    const img = makeImage(400, 300);
    for (let y = 100; y < 128; y++) for (let x = 100; x < 104; x++) img.data[y * 400 + x] = 0; // a "1"
    expect(findTables(inkMask(img, 128), 400, 300, 200)).toEqual([]);
  });
});
