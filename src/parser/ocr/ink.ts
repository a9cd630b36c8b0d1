/** Ink analysis on a binary mask: speckle removal and text-line bands. */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Removes connected ink components smaller than `minArea` pixels (scan speckle, JPEG dust), in
 * place. 8-connected, iterative (no recursion).
 */
export function despeckle(mask: Uint8Array, width: number, height: number, minArea: number): void {
  const seen = new Uint8Array(mask.length);
  const stack: number[] = [];
  const comp: number[] = [];
  /** Queue the unseen ink pixels around `p`. */
  const spread = (p: number) => {
    const x = p % width;
    const y = (p - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= width) continue;
        const q = yy * width + xx;
        if (mask[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
  };
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    stack.length = 0;
    comp.length = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0 && comp.length < minArea) {
      const p = stack.pop()!;
      comp.push(p);
      spread(p);
    }
    if (comp.length < minArea && stack.length === 0) for (const p of comp) mask[p] = 0;
    // Big enough: finish marking the component so it is not revisited piecewise.
    else while (stack.length > 0) spread(stack.pop()!);
  }
}

/**
 * Text lines in a rectangle of the mask: bands of rows with ink, a band split by a blank row
 * only when the two parts together would be taller than a character (`charHeight`), so a 三 or
 * 二 stays one line while two wrapped lines of a cell come apart. Each band's box is trimmed to
 * its ink.
 */
export function textLines(
  mask: Uint8Array,
  width: number,
  area: Box,
  charHeight: number,
  skip?: (x: number, y: number) => boolean,
): Box[] {
  const bands: Box[] = [];
  let start = -1;
  for (let y = area.y0; y <= area.y1; y++) {
    let ink = 0;
    if (y < area.y1) {
      const row = y * width;
      for (let x = area.x0; x < area.x1; x++) if (mask[row + x] && !skip?.(x, y)) ink++;
    }
    if (ink > 0 && start < 0) start = y;
    else if (ink === 0 && start >= 0) {
      bands.push({ x0: area.x0, y0: start, x1: area.x1, y1: y });
      start = -1;
    }
  }
  const merged: Box[] = [];
  for (const b of bands) {
    const last = merged.at(-1);
    if (last && b.y1 - last.y0 <= charHeight * 1.25 && b.y0 - last.y1 < charHeight * 0.6) last.y1 = b.y1;
    else merged.push({ ...b });
  }
  const out: Box[] = [];
  for (const b of merged) {
    let x0 = b.x1;
    let x1 = b.x0;
    for (let y = b.y0; y < b.y1; y++) {
      const row = y * width;
      for (let x = b.x0; x < b.x1; x++) {
        if (mask[row + x] && !skip?.(x, y)) {
          if (x < x0) x0 = x;
          if (x >= x1) x1 = x + 1;
        }
      }
    }
    if (x1 > x0) out.push({ x0, y0: b.y0, x1, y1: b.y1 });
  }
  return out;
}

interface Component {
  box: Box;
  area: number;
  pixels: number[];
}

/** 8-connected components of the mask inside `area` (pixel indices relative to the area). */
function components(mask: Uint8Array, width: number, area: Box): Component[] {
  const w = area.x1 - area.x0;
  const h = area.y1 - area.y0;
  const seen = new Uint8Array(w * h);
  const out: Component[] = [];
  const at = (x: number, y: number) => mask[(area.y0 + y) * width + area.x0 + x] === 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (seen[y * w + x] || !at(x, y)) continue;
      const pixels: number[] = [];
      const stack = [y * w + x];
      seen[y * w + x] = 1;
      const box = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      while (stack.length > 0) {
        const p = stack.pop()!;
        pixels.push(p);
        const px = p % w;
        const py = (p - px) / w;
        box.x0 = Math.min(box.x0, px);
        box.x1 = Math.max(box.x1, px + 1);
        box.y0 = Math.min(box.y0, py);
        box.y1 = Math.max(box.y1, py + 1);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = px + dx;
            const yy = py + dy;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
            const q = yy * w + xx;
            if (!seen[q] && at(xx, yy)) {
              seen[q] = 1;
              stack.push(q);
            }
          }
        }
      }
      out.push({ box, area: pixels.length, pixels });
    }
  }
  return out;
}

/**
 * The ink of one table cell without dust: components much smaller than the cell's largest are
 * dropped unless they sit between kept ones (a decimal point inside a figure). Returns a mask of
 * the area's size (row stride = area width), or null when nothing is left (a blank cell).
 */
export function cellInk(
  mask: Uint8Array,
  width: number,
  area: Box,
  charHeight: number,
): { ink: Uint8Array; dust: Uint8Array; charHeight: number } | null {
  const comps = components(mask, width, area);
  // A glyph or a stroke of one is at least a third of a character high or wide; dust is not.
  const min = charHeight * 0.3;
  const w = area.x1 - area.x0;
  const h = area.y1 - area.y0;
  // A sliver of a rule left at the cell's edge (skew, thick rules) is not ink of the cell.
  const sliver = (c: Component) =>
    (c.box.x0 === 0 || c.box.y0 === 0 || c.box.x1 === w || c.box.y1 === h) &&
    Math.min(c.box.x1 - c.box.x0, c.box.y1 - c.box.y0) <= 5;
  const big = comps.filter((c) => !sliver(c) && (c.box.y1 - c.box.y0 >= min || c.box.x1 - c.box.x0 >= min));
  if (big.length === 0) return null;
  const left = Math.min(...big.map((c) => c.box.x1));
  const right = Math.max(...big.map((c) => c.box.x0));
  const top = Math.min(...big.map((c) => c.box.y0));
  const bottom = Math.max(...big.map((c) => c.box.y1));
  const kept = comps.filter(
    (c) =>
      big.includes(c) ||
      (c.area >= 4 && c.box.x0 >= left && c.box.x1 <= right && c.box.y0 >= top && c.box.y1 <= bottom),
  );
  const out = new Uint8Array(w * h);
  for (const c of kept) for (const p of c.pixels) out[p] = 1;
  const dust = new Uint8Array(w * h);
  for (const c of comps) if (!kept.includes(c)) for (const p of c.pixels) dust[p] = 1;
  // The cell's own character height (its tallest glyph): cells use a smaller font than the prose.
  return { ink: out, dust, charHeight: Math.max(...big.map((c) => c.box.y1 - c.box.y0)) };
}
