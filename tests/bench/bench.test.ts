import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialJs } from '../../bench/size';
import { median, percentile } from '../../bench/stats';

describe('bench stats', () => {
  it('uses nearest-rank percentiles, so p95 of 20 samples is the 19th', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile(xs, 100)).toBe(20);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('initial JS', () => {
  it('follows static imports from index.html, not dynamic ones, and counts a lazy chunk apart', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-size-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<script type="module" crossorigin src="./assets/index-a.js"></script>',
    );
    writeFileSync(
      join(dist, 'assets/index-a.js'),
      'import{x as y}from"./shared-b.js";const v=()=>import("./View-c.js");',
    );
    writeFileSync(join(dist, 'assets/shared-b.js'), 'export const x=1;'.repeat(50));
    writeFileSync(join(dist, 'assets/View-c.js'), 'import"./index-a.js";import{z}from"./lazy-d.js";');
    writeFileSync(join(dist, 'assets/lazy-d.js'), 'export const z=2;');
    const initial = initialJs(dist);
    expect(initial.files.map((f) => f.file).sort()).toEqual(['assets/index-a.js', 'assets/shared-b.js']);
    expect(initial.gzipKb).toBeGreaterThan(0);
    const view = initialJs(dist, /View-\w+\.js$/);
    expect(view.files.map((f) => f.file).sort()).toEqual(['assets/View-c.js', 'assets/lazy-d.js']);
  });
});
