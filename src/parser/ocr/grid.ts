/**
 * Ruled tables in a page image: ink mask, skew, horizontal and vertical rules (long runs of ink),
 * tables as groups of touching rules, and each table's cells with their spans (a missing rule
 * segment between two grid positions is a merged cell). Pure pixel arithmetic, no model.
 */
import type { GreyImage } from './image';

export interface Rule {
  /** Position across the rule (y for horizontal, x for vertical), and its extent along it. */
  at: number;
  from: number;
  to: number;
}

export interface Cell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Index of the grid row band the cell starts in. */
  row: number;
}

export interface Table {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Grid rows (bands between horizontal rules), each with the cells that start there, left to right. */
  rows: Cell[][];
}

export function inkMask(img: GreyImage, threshold: number): Uint8Array {
  const mask = new Uint8Array(img.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = img.data[i]! < threshold ? 1 : 0;
  return mask;
}

/**
 * The page's skew in radians (positive: content rotated clockwise as seen, so lines descend to the
 * right), from the angle whose row projection of ink is sharpest, within ±2°.
 */
export function estimateSkew(mask: Uint8Array, width: number, height: number): number {
  const points: number[] = [];
  // Every row (sampling rows would favour angle 0, where sampled rows fall on even bins), every
  // third column.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x += 3) if (mask[y * width + x]) points.push(x, y);
  }
  let best = 0;
  let bestScore = -1;
  const bins = new Float64Array(height + 2 * width);
  for (let step = -40; step <= 40; step++) {
    const deg = step * 0.05;
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const row = Math.round(points[i + 1]! - points[i]! * t) + width;
      bins[row]!++;
    }
    let score = 0;
    for (let i = 0; i < bins.length; i++) score += bins[i]! * bins[i]!;
    if (score > bestScore) {
      bestScore = score;
      best = deg;
    }
  }
  return (best * Math.PI) / 180;
}

/** Runs of ink along rows (or columns), allowing gaps of `gap` pixels, at least `minLength` long. */
function runs(mask: Uint8Array, width: number, height: number, vertical: boolean, minLength: number): Rule[] {
  const out: Rule[] = [];
  const lines = vertical ? width : height;
  const len = vertical ? height : width;
  const gap = 3;
  for (let a = 0; a < lines; a++) {
    let start = -1;
    let lastInk = -1;
    for (let b = 0; b <= len; b++) {
      const ink = b < len && mask[vertical ? b * width + a : a * width + b] === 1;
      if (ink) {
        if (start < 0) start = b;
        lastInk = b;
      } else if (start >= 0 && b - lastInk > gap) {
        if (lastInk - start + 1 >= minLength) out.push({ at: a, from: start, to: lastInk });
        start = -1;
      }
    }
  }
  return out;
}

/** Adjacent runs (a rule is a few pixels thick) → one rule at their mean position. */
function mergeRuns(list: Rule[]): Rule[] {
  const sorted = [...list].sort((p, q) => p.at - q.at || p.from - q.from);
  const groups: { at: number[]; from: number; to: number; last: number }[] = [];
  for (const r of sorted) {
    const g = groups.find((x) => r.at - x.last <= 2 && r.from <= x.to && r.to >= x.from);
    if (g) {
      g.at.push(r.at);
      g.from = Math.min(g.from, r.from);
      g.to = Math.max(g.to, r.to);
      g.last = r.at;
    } else groups.push({ at: [r.at], from: r.from, to: r.to, last: r.at });
  }
  return (
    groups
      // A rule is thin for its length; a blot (a smudge, a filled box) is as thick as it is long.
      .filter((g) => g.at[g.at.length - 1]! - g.at[0]! + 1 <= Math.max(6, 0.3 * (g.to - g.from)))
      .map((g) => ({ at: g.at.reduce((s, v) => s + v, 0) / g.at.length, from: g.from, to: g.to }))
  );
}

const NEAR = 8;

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - NEAR && v.at <= h.to + NEAR && h.at >= v.from - NEAR && h.at <= v.to + NEAR;
}

/** The ruled tables of a deskewed page. `scale`: pixels per point-ish unit (dpi / 72). */
export function findTables(mask: Uint8Array, width: number, height: number, dpi: number): Table[] {
  const unit = dpi / 200;
  let hs = mergeRuns(runs(mask, width, height, false, Math.round(50 * unit)));
  let vs = mergeRuns(runs(mask, width, height, true, Math.round(24 * unit)));
  // A vertical stroke of a digit is not a rule: rules end on horizontal rules.
  vs = vs.filter((v) => {
    const ends = hs.filter((h) => touches(h, v));
    return (
      v.to - v.from >= 120 * unit ||
      (ends.some((h) => Math.abs(h.at - v.from) <= NEAR) && ends.some((h) => Math.abs(h.at - v.to) <= NEAR))
    );
  });
  hs = hs.filter((h) => h.to - h.from >= 300 * unit || vs.some((v) => touches(h, v)));

  // Tables: groups of rules connected by touching (union-find over horizontal + vertical).
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    parent[i] = root;
    return root;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    });
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(hs.length + j), g);
  });
  const tables: Table[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const t = gridCells(g.h, g.v, unit);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.y0 - b.y0);
}

/** Positions within `tol` of each other → one. */
function positions(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  // No chaining: a cluster spans at most `tol`, so two rules a few pixels further apart (a
  // column boundary that moves between row groups) stay two positions.
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[0]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** How much of [from, to] the rules near `at` cover (0..1). */
function coverage(rules: Rule[], at: number, from: number, to: number): number {
  const spans = rules
    .filter((r) => Math.abs(r.at - at) <= NEAR)
    .map((r) => [Math.max(from, r.from), Math.min(to, r.to)] as const)
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = from;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return covered / Math.max(1, to - from);
}

function gridCells(h: Rule[], v: Rule[], unit: number): Table | null {
  const ys = positions(
    h.map((r) => r.at),
    5 * unit,
  );
  const xs = positions(
    v.map((r) => r.at),
    5 * unit,
  );
  if (ys.length < 2 || xs.length < 2) return null;
  // An open table (no outer side rules): the horizontal rules' ends are its sides.
  const left = Math.min(...h.map((r) => r.from));
  const right = Math.max(...h.map((r) => r.to));
  v = [...v];
  const out = 15 * unit;
  const most = h.length / 2;
  if (h.filter((r) => r.from < xs[0]! - out).length >= most) {
    xs.unshift(left);
    v.push({ at: left, from: ys[0]!, to: ys.at(-1)! });
  }
  if (h.filter((r) => r.to > xs.at(-1)! + out).length >= most) {
    xs.push(right);
    v.push({ at: right, from: ys[0]!, to: ys.at(-1)! });
  }
  // A table cut by a page break has no rule on the cut side: the vertical rules' ends are its edge.
  const upper = v.filter((r) => r.from < ys[0]! - out);
  if (upper.length >= 2) {
    const top = Math.min(...upper.map((r) => r.from));
    ys.unshift(top);
    h = [...h, { at: top, from: xs[0]!, to: xs.at(-1)! }];
  }
  const lower = v.filter((r) => r.to > ys.at(-1)! + out);
  if (lower.length >= 2) {
    const bottom = Math.max(...lower.map((r) => r.to));
    ys.push(bottom);
    h = [...h, { at: bottom, from: xs[0]!, to: xs.at(-1)! }];
  }
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // Whether a rule separates band (r, c) from its right / bottom neighbour.
  const vSep = (r: number, k: number) => coverage(v, xs[k]!, ys[r]!, ys[r + 1]!) >= 0.5;
  const hSep = (k: number, c: number) => coverage(h, ys[k]!, xs[c]!, xs[c + 1]!) >= 0.5;
  const taken = Array.from({ length: nr }, () => new Array<boolean>(nc).fill(false));
  const rows: Cell[][] = Array.from({ length: nr }, () => []);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (taken[r]![c]) continue;
      let c1 = c + 1;
      while (c1 < nc && !vSep(r, c1)) c1++;
      let r1 = r + 1;
      while (r1 < nr && !hSep(r1, c)) r1++;
      for (let rr = r; rr < r1; rr++) for (let cc = c; cc < c1; cc++) taken[rr]![cc] = true;
      // The cell's own rules, where they are (grid positions are averages over the table).
      rows[r]!.push({
        x0: localAt(v, xs[c]!, ys[r]!, ys[r1]!),
        y0: localAt(h, ys[r]!, xs[c]!, xs[c1]!),
        x1: localAt(v, xs[c1]!, ys[r]!, ys[r1]!),
        y1: localAt(h, ys[r1]!, xs[c]!, xs[c1]!),
        row: r,
      });
    }
  }
  return { x0: xs[0]!, y0: ys[0]!, x1: xs[nc]!, y1: ys[nr]!, rows };
}

/** Where the rule near grid position `at` actually runs alongside [from, to] (else `at`). */
function localAt(rules: Rule[], at: number, from: number, to: number): number {
  let best: Rule | null = null;
  let bestOverlap = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > NEAR) continue;
    const overlap = Math.min(to, r.to) - Math.max(from, r.from);
    if (overlap > bestOverlap) {
      best = r;
      bestOverlap = overlap;
    }
  }
  return best ? best.at : at;
}
