/**
 * `npm run bench`: build, serve dist/ on 127.0.0.1, drive headless Chromium through a scripted
 * session on the bundled and the synthetic nationwide dataset, replay the session's SQL on native
 * DuckDB, print a report, append it to docs/benchmarks-history.md, put one row per budget at the
 * top of that budget's table in BENCHMARKS.md, and end with one JSON line.
 *
 * Options: --skip-build, --only bundled|synthetic, --repeat N (replays per query, default 5),
 * --port N (default 4190), --no-append, --title TEXT (the report's heading), --cold N (cold
 * navigations of the bundled dataset whose median is its first-chart figure, default 9),
 * --repeat-visits N (navigations after the bundled session in its browser profile, default 5).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { machine } from './machine';
import { openNative } from './native';
import {
  budgetMarker,
  budgetsOf,
  type DatasetResult,
  jsonLine,
  markdown,
  type QueryRatio,
  withBudgetRows,
} from './report';
import { serveStatic } from './serve';
import {
  coldFirstChart,
  launchChromium,
  openProfile,
  type RepeatVisit,
  repeatVisits,
  runSession,
  type SessionResult,
} from './session';
import { initialJs } from './size';
import { median, percentile } from './stats';

/** Where each run's full report is appended (BENCHMARKS.md keeps today's numbers). */
const HISTORY = 'docs/benchmarks-history.md';

const { values: opt } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    repeat: { type: 'string', default: '5' },
    port: { type: 'string', default: '4190' },
    'no-append': { type: 'boolean', default: false },
    title: { type: 'string', default: 'npm run bench' },
    cold: { type: 'string', default: '9' },
    'repeat-visits': { type: 'string', default: '5' },
  },
});

const log = (s: string) => process.stderr.write(`${s}\n`);
const SYNTHETIC_DIR = 'public/data/synthetic';
/** Our own build folder: other engineers' e2e runs rebuild dist/ at any time. */
const DIST = 'node_modules/.bench/dist';

const DATASETS = [
  { name: 'bundled', search: '?v=1', dir: 'public/data' },
  { name: 'synthetic', search: '?v=1&data=data%2Fsynthetic%2F', dir: SYNTHETIC_DIR },
].filter((d) => !opt.only || d.name === opt.only);

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

const TABLES = /\b(?:FROM|JOIN)\s+"(\w+)"/g;
function label(sql: string, params: unknown[]): string {
  const tables = [...new Set([...sql.matchAll(TABLES)].map((m) => m[1]))];
  const shape = sql.includes('UNPIVOT') ? ' unpivot' : sql.includes('GROUPING SETS') ? ' grouping sets' : '';
  const p = params
    .slice(0, 4)
    .map((x) => String(x).slice(0, 14))
    .join(', ');
  return `${tables.join('+')}${shape} (${params.length} params: ${p}${params.length > 4 ? ', …' : ''})`;
}

async function main() {
  if (DATASETS.some((d) => d.name === 'synthetic') && !existsSync(`${SYNTHETIC_DIR}/cells.parquet`)) {
    log(`generating the synthetic dataset into ${SYNTHETIC_DIR} (npm run synth, default settings)`);
    run('npm', ['run', '--silent', 'synth', '--', '--out', SYNTHETIC_DIR]);
  }
  if (!opt['skip-build']) {
    log('building (vite build)');
    run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], {
      NODE_ENV: 'production',
    });
  }
  if (DATASETS.some((d) => d.name === 'synthetic') && !existsSync(`${DIST}/data/synthetic/cells.parquet`))
    throw new Error(`${DIST}/data/synthetic is missing: build after generating the dataset`);
  const js = initialJs(DIST);
  const firstView = initialJs(DIST, /CompareView-[\w-]+\.js$/);

  const server = await serveStatic(DIST, Number(opt.port));
  const browser = await launchChromium();
  const m = machine(browser.version());
  const results: DatasetResult[] = [];
  try {
    for (const d of DATASETS) {
      log(`${d.name}: browser session (${server.url}${d.search})`);
      // The bundled session runs in a profile on disk, and that profile then comes back to the
      // page: the repeat visits (their HTTP cache and code caches are the session's).
      const profile = d.name === 'bundled' && Number(opt['repeat-visits']) > 0 ? await openProfile() : null;
      let s: SessionResult;
      let repeats: RepeatVisit[] = [];
      try {
        s = await runSession(profile?.context ?? browser, `${server.url}${d.search}`, {
          replayRepeat: Number(opt.repeat),
          log,
        });
        if (profile) {
          repeats = await repeatVisits(
            profile.context,
            `${server.url}${d.search}`,
            Number(opt['repeat-visits']),
          );
          log(
            `  repeat visits: first chart ${repeats.map((r) => r.firstChart.toFixed(0)).join(', ')} ms (DuckDB instantiate ${repeats.map((r) => (Number.isFinite(r.instantiate) ? r.instantiate.toFixed(0) : 'n/a')).join(', ')} ms)`,
          );
        }
      } finally {
        await profile?.close();
      }
      // One cold navigation is too noisy on a shared 2-core machine to hold a budget against.
      const firstCharts = [s.firstChartMs];
      if (d.name === 'bundled')
        for (let i = 1; i < Number(opt.cold); i++)
          firstCharts.push(await coldFirstChart(browser, `${server.url}${d.search}`));
      if (firstCharts.length > 1)
        log(
          `  first chart over ${firstCharts.length} cold navigations: ${firstCharts.map((t) => t.toFixed(0)).join(', ')} ms`,
        );
      log(`  ${s.interactions.length} interactions, ${s.queries.length} distinct queries; native replay`);
      const native = await openNative(d.dir, 0);
      const queries: QueryRatio[] = [];
      let cells = 0;
      try {
        cells = await native.count('cells');
        for (const q of s.queries) {
          const nativeMs = median(
            await native.time({ sql: q.sql, params: q.params as never }, Number(opt.repeat)),
          );
          const wasmMs = median(q.replayMs);
          queries.push({
            label: label(q.sql, q.params),
            wasmMs,
            nativeMs,
            ratio: wasmMs / Math.max(nativeMs, 0.01),
          });
        }
      } finally {
        native.close();
      }
      const times = s.interactions.map((i) => i.ms);
      if (s.errors.length > 0) log(`  page errors: ${s.errors.join(' | ')}`);
      results.push({
        name: d.name,
        cells,
        first_chart_ms: median(firstCharts),
        first_chart_runs: firstCharts,
        repeat_visit_ms: repeats.length > 0 ? median(repeats.map((r) => r.firstChart)) : null,
        repeat_visit_runs: repeats.map((r) => r.firstChart),
        load_ms: s.loadMs,
        native_load_ms: native.loadMs,
        interactions: times.length,
        interaction_p50_ms: percentile(times, 50),
        interaction_p95_ms: percentile(times, 95),
        interaction_max_ms: Math.max(...times),
        slowest: [...s.interactions].sort((a, b) => b.ms - a.ms).slice(0, 10),
        js_heap_mb: s.jsHeapMb,
        renderer_rss_mb: s.rendererRssMb,
        sql_ratio_median: median(queries.map((q) => q.ratio)),
        queries,
        initial_js_gzip_kb: js.gzipKb,
        first_view_js_gzip_kb: js.gzipKb + firstView.gzipKb,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const md = markdown(m, results, opt.title);
  process.stdout.write(`${md}\n`);
  if (!opt['no-append']) {
    appendFileSync(HISTORY, `\n${md}`);
    const { text, missing } = withBudgetRows(
      readFileSync('BENCHMARKS.md', 'utf8'),
      m,
      budgetsOf(results),
      opt.title,
    );
    writeFileSync('BENCHMARKS.md', text);
    log(`appended the report to ${HISTORY}; a row per budget at the top of BENCHMARKS.md's tables`);
    for (const b of missing)
      log(`no table for budget "${b.what} / ${b.dataset}" in BENCHMARKS.md (add ${budgetMarker(b)})`);
  }
  process.stdout.write(`${jsonLine(m, results)}\n`);
}

main().catch((e) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
