/**
 * One scripted browser session on one dataset: cold navigation → first chart, the dataset load
 * (the app's `db:load` measure), memory after load, then ≥ 50 timed interactions across the six
 * views, then an in-browser replay of every distinct query the views ran (for wasm/native).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { BoundQuery } from '../src/sql/bound';
import { rendererRssMb } from './machine';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Unbucketed performance.memory values.
  '--enable-precise-memory-info',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

const PROBE = readFileSync(new URL('./probe.browser.js', import.meta.url), 'utf8');

export interface Interaction {
  view: string;
  what: string;
  ms: number;
  changed: boolean;
  /** The last DOM change the interaction's time runs to (type, and the element it touched). */
  last?: string;
  /** The interaction's CPU profile (Chrome DevTools format), when the session was asked for them. */
  profile?: unknown;
  /** The queries that started during the interaction (ms from its input), when asked for them. */
  queries?: QueryDuring[];
  /** The interaction's Chromium trace (chrome://tracing JSON), when the session was asked for them. */
  trace?: unknown;
}

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** Duration in the session (includes waiting behind concurrent queries of the same view). */
  sessionMs: number;
  /** Sequential in-browser replays (main thread → DuckDB worker → plain rows). */
  replayMs: number[];
}

export interface SessionResult {
  firstChartMs: number;
  loadMs: number;
  jsHeapMb: number;
  rendererRssMb: number | null;
  interactions: Interaction[];
  queries: CapturedQuery[];
  errors: string[];
}

/** A `db:query` measure of src/db/handle.ts, relative to the interaction's input. */
export interface QueryDuring {
  at: number;
  ms: number;
  waitMs: number;
  prepareMs: number;
  runMs: number;
  decodeMs: number;
  rows: number;
  sql: string;
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

/** One step of the script: a view tab, then inputs on its controls. */
type Step =
  | { view: string }
  | { what: string; select: string; prefer?: string[]; optional?: boolean }
  | { what: string; click: string; optional?: boolean };

const S = (selector: string) => selector;
const YEAR = S('[data-testid="year-select"]');
const METRIC = S('[data-testid="metric-select"]');
const PICKER_PROVINCE = S('.unit-picker select');
const ADD_ALL = S('[data-testid="add-all"]');
const seg = (value: string) => S(`.segmented button[data-value="${value}"]`);
const tab = (view: string) => S(`.tab[data-view="${view}"]`);

/** Small provinces first, so "add a province" adds tens of units, as a person would compare. */
const SMALL_PROVINCES = ['宁夏回族自治区', '海南省', '青海省', '天津市', '北京市'];
const METRICS = [
  'rate.disclosure',
  'table3.new_received',
  'rate.review_correction',
  'rate.legal_person',
  'table3.granted',
];

function script(): Step[] {
  const steps: Step[] = [];
  const years = (n: number) => {
    for (let i = 0; i < n; i++) steps.push({ what: 'change year', select: YEAR });
  };
  const metrics = (n: number) => {
    for (let i = 0; i < n; i++)
      steps.push({ what: 'switch metric', select: METRIC, prefer: METRICS.slice(i) });
  };
  // 对比: the top units, then a province's units.
  years(3);
  metrics(3);
  steps.push({ what: 'pick province', select: PICKER_PROVINCE, prefer: SMALL_PROVINCES });
  steps.push({ what: 'add a province', click: ADD_ALL });
  years(3);
  metrics(3);
  // 趋势
  steps.push({ view: 'trends' });
  metrics(3);
  for (const m of ['relative', 'yoy', 'absolute']) steps.push({ what: `trend ${m}`, click: seg(m) });
  steps.push({ what: 'log scale', click: seg('log'), optional: true });
  steps.push({ what: 'linear scale', click: seg('linear'), optional: true });
  // 办理结果
  steps.push({ view: 'outcomes' });
  for (let i = 0; i < 4; i++) steps.push({ what: 'outcome filter', select: '[data-testid="outcome-group"]' });
  steps.push({ what: 'outcome count', click: seg('count') });
  steps.push({ what: 'outcome share', click: seg('share') });
  years(2);
  // 透视
  steps.push({ view: 'pivot' });
  for (let i = 0; i < 3; i++) steps.push({ what: 'pivot rows', select: '[data-testid="pivot-rows-0"]' });
  for (let i = 0; i < 3; i++) steps.push({ what: 'pivot cols', select: '[data-testid="pivot-cols-0"]' });
  for (let i = 0; i < 2; i++)
    steps.push({ what: 'pivot rows', select: '[data-testid="pivot-rows-0"]', prefer: ['province', 'level'] });
  // 年报
  steps.push({ view: 'report' });
  for (let i = 0; i < 2; i++)
    steps.push({ what: 'report year', select: '[data-testid="chart-report"] select', optional: true });
  // 数据质量
  steps.push({ view: 'quality' });
  for (let i = 0; i < 3; i++)
    steps.push({ what: 'quality filter', select: '[data-testid="chart-quality"] select' });
  // back to 对比 with everything chosen so far
  steps.push({ view: 'compare' });
  years(2);
  metrics(2);
  return steps;
}

async function act(page: Page, action: { kind: 'select' | 'click'; selector: string; value?: string }) {
  return page.evaluate(
    (a) =>
      (
        window as never as {
          __BENCH__: { act(a: unknown): Promise<{ ms: number; changed: boolean; last?: string }> };
        }
      ).__BENCH__.act(a),
    action,
  );
}

type BenchWindow = {
  __BENCH__: {
    firstChart: number | null;
    nextOption(selector: string, prefer?: string[]): string | null;
    db: { replay(q: BoundQuery, repeat: number): Promise<number[]> } | null;
  };
};

/**
 * One more cold navigation, measuring only the first chart: a fresh context (empty cache) each
 * time, so the median of several is the cold figure the 1.5 s budget is about.
 */
export async function coldFirstChart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript({ content: PROBE });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as never as BenchWindow).__BENCH__.firstChart !== null, null, {
      timeout: 180_000,
      polling: 50,
    });
    return await page.evaluate(() => (window as never as BenchWindow).__BENCH__.firstChart!);
  } finally {
    await context.close();
  }
}

/** Navigate a new page of `context` to `url`; the first chart's time and DuckDB's start-up stage. */
async function visit(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; firstChart: number; instantiate: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as never as BenchWindow).__BENCH__.firstChart !== null, null, {
    timeout: 180_000,
    polling: 50,
  });
  const firstChart = await page.evaluate(() => (window as never as BenchWindow).__BENCH__.firstChart!);
  // A repeat visit draws its first chart from stored answers before DuckDB has started (its
  // wasm compile waits for that chart): the stage is read once the engine has recorded it.
  const instantiate = await page
    .waitForFunction(
      () =>
        (performance.getEntriesByName('db:stage') as PerformanceMeasure[]).find(
          (e) => e.detail?.stage === 'engine: instantiate wasm',
        )?.duration,
      null,
      { timeout: 30_000, polling: 100 },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => Number.NaN);
  return { page, firstChart, instantiate };
}

/** A browser profile on disk (HTTP cache and V8's code caches, as a person's browser keeps them). */
export interface Profile {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openProfile(): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  await context.addInitScript({ content: PROBE });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RepeatVisit {
  firstChart: number;
  /**
   * DuckDB's fetch + compile + instantiate (where the wasm code cache shows), whether it ended
   * before or after the first chart; NaN when the engine did not start within 30 s.
   */
  instantiate: number;
}

/**
 * Repeat visits: `n` more navigations to `url` in a profile that has been used (each a new page,
 * closed after, as a person comes back to the site). What they reuse is standard: the HTTP cache
 * (scripts/cache.ts: hashed assets never revalidated, the rest answered 304) and Chromium's code
 * caches (JS from the third load on; DuckDB's wasm once V8 has tiered enough of it up, which the
 * interaction session before does).
 */
export async function repeatVisits(context: BrowserContext, url: string, n: number): Promise<RepeatVisit[]> {
  const out: RepeatVisit[] = [];
  for (let i = 0; i < n; i++) {
    const v = await visit(context, url);
    // A moment on the page, as a person reads the chart: the code caches are written meanwhile.
    await v.page.waitForTimeout(2_000);
    await v.page.close();
    out.push({ firstChart: v.firstChart, instantiate: v.instantiate });
  }
  return out;
}

/**
 * The scripted session in a fresh context of `browser` (closed after), or in a page of
 * `browser` when it is already a context with the probe installed (left open).
 */
export async function runSession(
  browser: Browser | BrowserContext,
  url: string,
  opts: {
    replayRepeat: number;
    log: (s: string) => void;
    profile?: boolean;
    trace?: boolean;
    /** Also list each interaction's queries (`Interaction.queries`). */
    queries?: boolean;
  },
): Promise<SessionResult> {
  const own = 'newContext' in browser;
  const context = own
    ? await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    : browser;
  if (own) await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as never as BenchWindow).__BENCH__.firstChart !== null, null, {
      timeout: 180_000,
      polling: 100,
    });
    const firstChartMs = await page.evaluate(() => (window as never as BenchWindow).__BENCH__.firstChart!);
    // A first view drawn from answers shipped with the dataset (src/db/first-view.ts) comes before
    // the engine is ready: the interactions are timed on the ready engine.
    await page.waitForFunction(() => performance.getEntriesByName('db:load').length > 0, null, {
      timeout: 180_000,
      polling: 100,
    });
    const loadMs = await page.evaluate(() => performance.getEntriesByName('db:load').at(-1)?.duration ?? -1);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    const rss = rendererRssMb();
    opts.log(`  first chart ${firstChartMs.toFixed(0)} ms, load ${loadMs.toFixed(0)} ms`);
    const stages = await page.evaluate(() =>
      performance
        .getEntriesByName('db:stage')
        .map(
          (e) =>
            `${(e as PerformanceMeasure).detail.stage} ${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`,
        ),
    );
    if (stages.length > 0) opts.log(`  load stages (start+ms since navigation): ${stages.join(', ')}`);

    const interactions: Interaction[] = [];
    // Sampling costs the page a little: a profiled session is for finding where time goes, not
    // for the budget's figure.
    const timed = async (a: Parameters<typeof act>[1]) => {
      if (opts.queries) {
        const r = await act(page, a);
        const queries = await page.evaluate(() => {
          const t0 = (window as never as { __BENCH__: { actStart: number } }).__BENCH__.actStart;
          return performance
            .getEntriesByName('db:query')
            .filter((e) => e.startTime >= t0)
            .map((e) => {
              const d = (e as PerformanceMeasure).detail;
              return { at: e.startTime - t0, ms: e.duration, ...d, sql: String(d.sql).slice(0, 160) };
            });
        });
        return { ...r, queries: queries as QueryDuring[] };
      }
      if (opts.trace && own) {
        // The renderer's own timeline (style, layout, paint, script), for the native work a CPU profile shows as "(program)".
        await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        const r = await act(page, a);
        const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as unknown;
        return { ...r, trace };
      }
      if (!opts.profile) return act(page, a);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const r = await act(page, a);
      const { profile } = await cdp.send('Profiler.stop');
      return { ...r, profile };
    };
    let view = 'compare';
    for (const step of script()) {
      if ('view' in step) {
        view = step.view;
        const r = await timed({ kind: 'click', selector: tab(step.view) });
        interactions.push({ view, what: `open ${step.view}`, ...r });
        continue;
      }
      const selector = 'select' in step ? step.select : step.click;
      if ((await page.locator(selector).count()) === 0) {
        if (step.optional) continue;
        // A control can come with data built after the first chart (the unit index behind the
        // picker's "add all"): wait for it as a person would, then time the interaction.
        try {
          await page.locator(selector).first().waitFor({ timeout: 10_000 });
        } catch {
          throw new Error(`${view}: control missing for "${step.what}": ${selector}`);
        }
      }
      let value: string | undefined;
      if ('select' in step) {
        value =
          (await page.evaluate(([s, p]) => (window as never as BenchWindow).__BENCH__.nextOption(s, p), [
            selector,
            step.prefer,
          ] as const)) ?? undefined;
        if (value === undefined) continue;
      }
      const r = await timed({ kind: 'select' in step ? 'select' : 'click', selector, value });
      interactions.push({ view, what: step.what, ...r });
    }

    const measured = await page.evaluate(() =>
      performance.getEntriesByName('db:query').map((e) => ({
        duration: e.duration,
        detail: (e as PerformanceMeasure).detail as { sql: string; params: unknown[] },
      })),
    );
    const byKey = new Map<string, CapturedQuery>();
    for (const m of measured) {
      const key = JSON.stringify([m.detail.sql, m.detail.params]);
      if (!byKey.has(key))
        byKey.set(key, { sql: m.detail.sql, params: m.detail.params, sessionMs: m.duration, replayMs: [] });
    }
    const queries = [...byKey.values()];
    for (const q of queries) {
      q.replayMs = await page.evaluate(
        ([sql, params, n]) =>
          (window as never as BenchWindow).__BENCH__.db!.replay({ sql, params: params as never }, n),
        [q.sql, q.params, opts.replayRepeat] as const,
      );
    }
    return {
      firstChartMs,
      loadMs,
      jsHeapMb: heap / 2 ** 20,
      rendererRssMb: rss,
      interactions,
      queries,
      errors,
    };
  } finally {
    if (own) await context.close();
    else await page.close();
  }
}
