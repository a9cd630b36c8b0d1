/**
 * `npm run bench:ab -- DIST_A DIST_B … [--runs N]`: cold navigations of the bundled dataset on
 * several builds, alternated navigation by navigation in one browser, so that all builds meet
 * the same machine: this machine's speed drifts by 20–30 % over tens of minutes, more than most
 * changes are worth. Prints per build the median first chart and the median CPU time (user +
 * sys of all Chromium processes, navigation → first chart). Build a folder with
 * `npx vite build --outDir DIR` (a git worktree for an older commit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { serveStatic } from './serve';
import { launchChromium } from './session';
import { median } from './stats';

const { values: opt, positionals: dists } = parseArgs({
  options: { runs: { type: 'string', default: '9' }, port: { type: 'string', default: '4200' } },
  allowPositionals: true,
});
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

async function coldLoad(browser: Browser, url: string): Promise<{ ms: number; cpu: number }> {
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
    };
  } finally {
    await context.close();
  }
}

async function main() {
  if (dists.length === 0) throw new Error('usage: npm run bench:ab -- DIST_A [DIST_B …] [--runs N]');
  const servers = await Promise.all(dists.map((d, i) => serveStatic(d, Number(opt.port) + i)));
  const browser = await launchChromium();
  const runs = dists.map(() => [] as { ms: number; cpu: number }[]);
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
      `${d}: first chart median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), CPU median ${median(runs[j]!.map((r) => r.cpu)).toFixed(0)} ms | ${ms.map((m) => m.toFixed(0)).join(' ')}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
