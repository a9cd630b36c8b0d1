import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetMarker, budgetsOf, type DatasetResult, withBudgetRows } from '../../bench/report';
import { initialJs } from '../../bench/size';
import { median, percentile } from '../../bench/stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

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

describe('BENCHMARKS.md budget tables', () => {
  const machine = {
    date: '2030-01-02 03:04',
    nproc: 2,
    cpu: 'Test CPU',
    memGb: 8,
    node: 'v20',
    chromium: '1.0',
    loadAvg: 0.5,
  };
  const result = {
    name: 'synthetic',
    interaction_p95_ms: 123,
    load_ms: 1000,
    sql_ratio_median: 1.5,
  } as unknown as DatasetResult;

  it('has a table for every budget a run reports, and a run puts its row first in each', () => {
    const text = readFileSync(join(root, 'BENCHMARKS.md'), 'utf8');
    const bundled = {
      ...result,
      name: 'bundled',
      first_chart_ms: 1400,
      initial_js_gzip_kb: 100,
      repeat_visit_ms: 450,
    };
    const budgets = budgetsOf([bundled as DatasetResult, result]);
    expect(budgets.length).toBe(BUDGETS.length);
    const { text: next, missing } = withBudgetRows(text, machine, budgets, 'test run');
    expect(missing).toEqual([]);
    const lines = next.split('\n');
    const p95 = lines.indexOf(budgetMarker({ what: 'interaction p95', dataset: 'synthetic' }));
    expect(lines[p95 + 3]).toBe(
      '| 2030-01-02 03:04 | 123 ms | **no** | 2 × Test CPU, 8 GB, Node v20, Chromium 1.0 | 0.5 | test run |',
    );
    expect(next.length).toBeGreaterThan(text.length);
  });
});
