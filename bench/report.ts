/**
 * The benchmark's outputs: a report for people (stdout, appended to docs/benchmarks-history.md),
 * one new row per budget at the top of that budget's table in BENCHMARKS.md, and a JSON line.
 */
import type { Machine } from './machine';

export interface QueryRatio {
  label: string;
  wasmMs: number;
  nativeMs: number;
  ratio: number;
}

export interface DatasetResult {
  name: string;
  cells: number;
  /** Median over `first_chart_runs`, each a cold navigation (fresh browser context). */
  first_chart_ms: number;
  first_chart_runs: number[];
  /** Median first chart of the navigations after the session in its browser profile (warm caches). */
  repeat_visit_ms: number | null;
  repeat_visit_runs: number[];
  load_ms: number;
  native_load_ms: number;
  interactions: number;
  interaction_p50_ms: number;
  interaction_p95_ms: number;
  interaction_max_ms: number;
  slowest: { what: string; view: string; ms: number }[];
  js_heap_mb: number;
  renderer_rss_mb: number | null;
  sql_ratio_median: number;
  queries: QueryRatio[];
  initial_js_gzip_kb: number;
  first_view_js_gzip_kb: number;
}

export interface Budget {
  what: string;
  dataset: string;
  value: number;
  limit: number;
  unit: string;
}

export const BUDGETS: ((r: DatasetResult) => Budget | null)[] = [
  (r) => (r.name === 'bundled' ? b(r, 'first chart', r.first_chart_ms, 1500, 'ms') : null),
  (r) => (r.name === 'bundled' ? b(r, 'initial JS (gzip)', r.initial_js_gzip_kb, 250, 'KB') : null),
  (r) =>
    r.name === 'bundled' && r.repeat_visit_ms !== null
      ? b(r, 'repeat visit first chart', r.repeat_visit_ms, 500, 'ms')
      : null,
  (r) => (r.name === 'synthetic' ? b(r, 'load', r.load_ms, 3000, 'ms') : null),
  (r) => (r.name === 'synthetic' ? b(r, 'interaction p95', r.interaction_p95_ms, 100, 'ms') : null),
  (r) => (r.name === 'synthetic' ? b(r, 'SQL wasm/native median', r.sql_ratio_median, 3, '×') : null),
];

function b(r: DatasetResult, what: string, value: number, limit: number, unit: string): Budget {
  return { what, dataset: r.name, value, limit, unit };
}

const f0 = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(0));
const f1 = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));
const f2 = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(2));

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function markdown(m: Machine, results: DatasetResult[], title: string): string {
  const summary = table(
    [
      'dataset',
      'cells',
      'first chart ms (median)',
      'load ms',
      'native load ms',
      'interactions',
      'p50 ms',
      'p95 ms',
      'max ms',
      'JS heap MB',
      'renderer RSS MB',
      'SQL wasm/native (median)',
      'initial JS gzip KB',
      'first view JS gzip KB',
    ],
    results.map((r) => [
      r.name,
      String(r.cells),
      f0(r.first_chart_ms),
      f0(r.load_ms),
      f0(r.native_load_ms),
      String(r.interactions),
      f0(r.interaction_p50_ms),
      f0(r.interaction_p95_ms),
      f0(r.interaction_max_ms),
      f1(r.js_heap_mb),
      f0(r.renderer_rss_mb),
      f2(r.sql_ratio_median),
      f1(r.initial_js_gzip_kb),
      f1(r.first_view_js_gzip_kb),
    ]),
  );
  const budgets = budgetsOf(results);
  const budgetTable = table(
    ['budget', 'dataset', 'measured', 'limit', 'ok'],
    budgets.map((x) => [
      x.what,
      x.dataset,
      `${x.unit === '×' ? f2(x.value) : f0(x.value)} ${x.unit}`,
      `${x.limit} ${x.unit}`,
      x.value <= x.limit ? 'yes' : '**no**',
    ]),
  );
  const perQuery = results
    .map((r) => {
      const rows = [...r.queries]
        .sort((a, b) => b.wasmMs - a.wasmMs)
        .map((q) => [q.label, f1(q.wasmMs), f1(q.nativeMs), f2(q.ratio)]);
      return `SQL of the session on **${r.name}** (distinct statements, median of the replays):\n\n${table(['query', 'wasm ms', 'native ms', 'ratio'], rows)}`;
    })
    .join('\n\n');
  const cold = results
    .filter((r) => r.first_chart_runs.length > 1)
    .map(
      (r) =>
        `- ${r.name}: median of ${r.first_chart_runs.length} cold navigations; min ${f0(Math.min(...r.first_chart_runs))}, max ${f0(Math.max(...r.first_chart_runs))} ms (${r.first_chart_runs.map(f0).join(', ')})`,
    )
    .join('\n');
  const repeat = results
    .filter((r) => r.repeat_visit_runs.length > 0)
    .map(
      (r) =>
        `- ${r.name}, repeat visits (navigations 2–${r.repeat_visit_runs.length + 1} in the session's browser profile): median ${f0(r.repeat_visit_ms)} ms; second navigation ${f0(r.repeat_visit_runs[0]!)} ms (${r.repeat_visit_runs.map(f0).join(', ')})`,
    )
    .join('\n');
  const slow = results
    .map((r) => `- ${r.name}: ${r.slowest.map((s) => `${s.view}/${s.what} ${f0(s.ms)} ms`).join(', ')}`)
    .join('\n');
  return [
    `### ${title} — ${m.date} UTC`,
    '',
    `Machine: ${m.nproc} × ${m.cpu}, ${m.memGb} GB, Node ${m.node}, Chromium ${m.chromium}, load average ${m.loadAvg} at start (shared machine).`,
    '',
    summary,
    '',
    budgetTable,
    '',
    ...(cold || repeat ? [`First chart:\n${[cold, repeat].filter(Boolean).join('\n')}`, ''] : []),
    `Slowest interactions:\n${slow}`,
    '',
    perQuery,
    '',
  ].join('\n');
}

export function budgetsOf(results: DatasetResult[]): Budget[] {
  return results.flatMap((r) => BUDGETS.map((fn) => fn(r)).filter((x): x is Budget => x !== null));
}

/** The line above a budget's table in BENCHMARKS.md (where its new rows go). */
export const budgetMarker = (b: Pick<Budget, 'what' | 'dataset'>): string =>
  `<!-- budget: ${b.what} / ${b.dataset} -->`;

/** A budget's row: date, measured, ok, machine, load at start, the run's title. */
export function budgetRow(m: Machine, b: Budget, title: string): string {
  const value = `${b.unit === '×' ? f2(b.value) : f0(b.value)} ${b.unit}`;
  const machineText = `${m.nproc} × ${m.cpu}, ${m.memGb} GB, Node ${m.node}, Chromium ${m.chromium}`;
  return `| ${m.date} | ${value} | ${b.value <= b.limit ? 'yes' : '**no**'} | ${machineText} | ${m.loadAvg} | ${title} |`;
}

/**
 * BENCHMARKS.md with each budget's new row first in its table (today's numbers stay on top);
 * budgets whose table is missing are returned, to be reported.
 */
export function withBudgetRows(
  text: string,
  m: Machine,
  budgets: Budget[],
  title: string,
): { text: string; missing: Budget[] } {
  const lines = text.split('\n');
  const missing: Budget[] = [];
  for (const b of budgets) {
    const at = lines.indexOf(budgetMarker(b));
    // marker, header, separator: the newest row goes right under the separator.
    if (at < 0 || !lines[at + 2]?.startsWith('|---')) missing.push(b);
    else lines.splice(at + 3, 0, budgetRow(m, b, title));
  }
  return { text: lines.join('\n'), missing };
}

export function jsonLine(m: Machine, results: DatasetResult[]): string {
  const out: Record<string, unknown> = { date: m.date, nproc: m.nproc, chromium: m.chromium, node: m.node };
  for (const r of results) {
    out[r.name] = {
      first_chart_ms: Math.round(r.first_chart_ms),
      first_chart_runs: r.first_chart_runs.map(Math.round),
      repeat_visit_ms: r.repeat_visit_ms === null ? null : Math.round(r.repeat_visit_ms),
      repeat_visit_runs: r.repeat_visit_runs.map(Math.round),
      load_ms: Math.round(r.load_ms),
      interaction_p50_ms: Math.round(r.interaction_p50_ms),
      interaction_p95_ms: Math.round(r.interaction_p95_ms),
      interaction_max_ms: Math.round(r.interaction_max_ms),
      interactions: r.interactions,
      sql_ratio_median: Number(r.sql_ratio_median.toFixed(2)),
      initial_js_gzip_kb: Number(r.initial_js_gzip_kb.toFixed(1)),
      js_heap_mb: Number(r.js_heap_mb.toFixed(1)),
      renderer_rss_mb: r.renderer_rss_mb === null ? null : Math.round(r.renderer_rss_mb),
    };
  }
  return JSON.stringify(out);
}
