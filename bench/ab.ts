/**
 * `npm run bench:ab -- DIST_A DIST_B … [--runs N]`: cold navigations of the bundled dataset on
 * several builds, alternated navigation by navigation in one browser, so that all builds meet
 * the same machine: this machine's speed drifts by 20–30 % over tens of minutes, more than most
 * changes are worth. Prints per build the median first chart and the median CPU time (user +
 * sys of all Chromium processes, navigation → first chart). Build a folder with
 * `npx vite build --outDir DIR` (a git worktree for an older commit).
 *
 * `--session bundled|synthetic`: instead, `npm run bench`'s scripted interaction session on that
 * dataset, alternated session by session; prints per build each session's p50/p95 and the p95
 * of all its interactions pooled. `--profile DIR` also writes each interaction's CPU profile
 * there (open in Chrome DevTools' Performance panel); profiled sessions run slower. `--trace DIR`
 * writes each interaction's Chromium trace instead (style, layout, paint: what a profile calls
 * "(program)"); open it in chrome://tracing or Perfetto, or summarise it with bench/trace-summary.ts. `--queries` prints each
 * interaction's queries (start, duration, and the handle's split of it).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { serveStatic } from './serve';
import { launchChromium, runSession } from './session';
import { median, percentile } from './stats';

const { values: opt, positionals: dists } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    port: { type: 'string', default: '4200' },
    session: { type: 'string' },
    profile: { type: 'string' },
    trace: { type: 'string' },
    queries: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const SEARCH: Record<string, string> = { bundled: '?v=1', synthetic: '?v=1&data=data%2Fsynthetic%2F' };
const PROBE = readFileSync(new URL('./probe.browser.js', import.meta.url), 'utf8');
const TICKS = 100; // USER_HZ on Linux

/** CPU milliseconds used so far by every Chromium process (Linux /proc). */
function chromiumCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!/chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / TICKS;
}

type BenchWindow = { __BENCH__: { firstChart: number | null } };

async function coldLoad(
  browser: Browser,
  url: string,
): Promise<{ ms: number; cpu: number; instantiate: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript({ content: PROBE });
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const cpu = chromiumCpuMs();
    await page.goto(url);
    await page.waitForFunction(() => (window as never as BenchWindow).__BENCH__.firstChart !== null, null, {
      timeout: 120_000,
      polling: 50,
    });
    // Read before the context closes: its renderer's CPU leaves /proc with it.
    const used = chromiumCpuMs() - cpu;
    return {
      ms: await page.evaluate(() => (window as never as BenchWindow).__BENCH__.firstChart!),
      cpu: used,
      // DuckDB's start (fetch, compile, instantiate, the glue's linking): what a worker-glue change moves.
      instantiate: await page.evaluate(
        () =>
          (performance.getEntriesByName('db:stage') as PerformanceMeasure[]).find(
            (e) => e.detail?.stage === 'engine: instantiate wasm',
          )?.duration ?? Number.NaN,
      ),
    };
  } finally {
    await context.close();
  }
}

/** Interaction sessions, alternated build by build; returns nothing, prints per build. */
async function sessions(servers: { url: string }[], dataset: string): Promise<void> {
  const search = SEARCH[dataset];
  if (!search) throw new Error(`--session: bundled or synthetic, not ${dataset}`);
  if (opt.profile) mkdirSync(opt.profile, { recursive: true });
  if (opt.trace) mkdirSync(opt.trace, { recursive: true });
  const browser = await launchChromium();
  const runs = dists.map(() => [] as { what: string; ms: number }[][]);
  try {
    for (let i = 0; i < Number(opt.runs); i++)
      for (const [j, s] of servers.entries()) {
        const r = await runSession(browser, `${s.url}${search}`, {
          replayRepeat: 0,
          log: () => undefined,
          profile: !!opt.profile,
          trace: !!opt.trace,
          queries: opt.queries,
        });
        if (opt.queries)
          for (const x of r.interactions) {
            console.error(`  ${x.view}/${x.what} ${x.ms.toFixed(0)} ms`);
            for (const q of x.queries ?? [])
              console.error(
                `    @${q.at.toFixed(0)} +${q.ms.toFixed(0)} (wait ${q.waitMs}, prepare ${q.prepareMs}, run ${q.runMs}, decode ${q.decodeMs}; ${q.rows} rows) ${q.sql.replace(/\s+/g, ' ').slice(0, 90)}`,
              );
          }
        if (r.errors.length > 0) console.error(`${dists[j]}: page errors: ${r.errors.join(' | ')}`);
        runs[j]!.push(r.interactions.map((x) => ({ what: `${x.view}/${x.what}`, ms: x.ms })));
        const ms = r.interactions.map((x) => x.ms);
        // The p95 of a ~53-interaction session is its third slowest: these are what it is made of.
        const slowest = r.interactions
          .map((x, k) => ({ k, x }))
          .sort((a, b) => b.x.ms - a.x.ms)
          .slice(0, 5)
          .map(
            ({ k, x }) =>
              `#${k + 1} ${x.view}/${x.what} ${x.ms.toFixed(0)}${x.last ? ` (last: ${x.last})` : ''}`,
          );
        console.error(
          `${dists[j]} #${i + 1}: p50 ${percentile(ms, 50).toFixed(0)} p95 ${percentile(ms, 95).toFixed(0)} ms; slowest ${slowest.join(', ')}`,
        );
        if (opt.trace)
          for (const [k, x] of r.interactions.entries())
            writeFileSync(
              `${opt.trace}/${j}-${i}-${String(k).padStart(2, '0')}-${x.view}-${x.what.replace(/\W+/g, '_')}-${x.ms.toFixed(0)}ms.json`,
              JSON.stringify(x.trace),
            );
        if (opt.profile)
          for (const [k, x] of r.interactions.entries())
            writeFileSync(
              `${opt.profile}/${j}-${i}-${String(k).padStart(2, '0')}-${x.view}-${x.what.replace(/\W+/g, '_')}-${x.ms.toFixed(0)}ms.cpuprofile`,
              JSON.stringify(x.profile),
            );
      }
  } finally {
    await browser.close();
  }
  for (const [j, d] of dists.entries()) {
    const all = runs[j]!.flat();
    const p95s = runs[j]!.map((r) =>
      percentile(
        r.map((x) => x.ms),
        95,
      ),
    );
    const slow = new Map<string, number[]>();
    for (const x of all) slow.set(x.what, [...(slow.get(x.what) ?? []), x.ms]);
    const worst = [...slow].map(([w, ms]) => [w, median(ms)] as const).sort((a, b) => b[1] - a[1]);
    console.log(
      `${d}: ${runs[j]!.length} sessions; p95 per session ${p95s.map((p) => p.toFixed(0)).join(' ')} (median ${median(p95s).toFixed(0)}); pooled p50 ${percentile(
        all.map((x) => x.ms),
        50,
      ).toFixed(0)}, p95 ${percentile(
        all.map((x) => x.ms),
        95,
      ).toFixed(0)} ms`,
    );
    console.log(
      `  slowest (median per kind): ${worst
        .slice(0, 12)
        .map(([w, ms]) => `${w} ${ms.toFixed(0)}`)
        .join(', ')}`,
    );
  }
}

async function main() {
  if (dists.length === 0) throw new Error('usage: npm run bench:ab -- DIST_A [DIST_B …] [--runs N]');
  const servers = await Promise.all(dists.map((d, i) => serveStatic(d, Number(opt.port) + i)));
  if (opt.session) {
    try {
      await sessions(servers, opt.session);
    } finally {
      for (const s of servers) await s.close();
    }
    return;
  }
  const browser = await launchChromium();
  const runs = dists.map(() => [] as { ms: number; cpu: number; instantiate: number }[]);
  try {
    for (let i = 0; i < Number(opt.runs); i++)
      for (const [j, s] of servers.entries()) runs[j]!.push(await coldLoad(browser, `${s.url}?v=1`));
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  for (const [j, d] of dists.entries()) {
    const ms = runs[j]!.map((r) => r.ms);
    console.log(
      `${d}: first chart median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), CPU median ${median(runs[j]!.map((r) => r.cpu)).toFixed(0)} ms, DuckDB instantiate median ${median(runs[j]!.map((r) => r.instantiate)).toFixed(0)} ms | ${ms.map((m) => m.toFixed(0)).join(' ')}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
