/** Debian's Chromium through playwright-core, with every request of the session recorded. */
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page, type Route } from 'playwright-core';

export const SCREENSHOTS = 'test-output/e2e';

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Every URL requested by any page of the contexts made here. */
export class RequestLog {
  readonly urls: string[] = [];
  constructor(readonly origin: string) {}
  offOrigin(): string[] {
    return this.urls.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      try {
        return new URL(u).origin !== this.origin;
      } catch {
        return true;
      }
    });
  }
}

export async function newContext(browser: Browser, log: RequestLog): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    deviceScaleFactor: 1,
  });
  context.on('request', (r) => log.urls.push(r.url()));
  return context;
}

/**
 * Open `path` and wait until the dataset is loaded and the view's chart frame shows. (A repeat
 * visit may draw the chart from stored answers first, with `load-status` shown until the engine
 * is ready: that is waited out too, so what the test does next reaches the engine.)
 */
export async function openView(page: Page, baseUrl: string, search: string, view: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}${search}`);
  await page.locator(`[data-testid="chart-${view}"]`).waitFor({ timeout: 30_000 });
  await page.getByTestId('load-status').waitFor({ state: 'detached', timeout: 30_000 });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('\n')}`);
}

/**
 * The statements the page's database ran since `since` (page time, `performance.now()`): the
 * `db:query` measures of src/db/handle.ts, with their SQL text and bound values.
 */
export function statementsSince(page: Page, since: number): Promise<{ sql: string; params: unknown[] }[]> {
  return page.evaluate(
    (t0) =>
      performance
        .getEntriesByName('db:query')
        .filter((e) => e.startTime >= t0)
        .map((e) => (e as PerformanceMeasure).detail as { sql: string; params: unknown[] }),
    since,
  );
}

/**
 * A new page of `context` whose DuckDB wasm requests wait until `release()`: the engine cannot
 * start before, so any figure drawn meanwhile came from answers kept or shipped, not from DuckDB.
 */
export async function pageWithDuckdbHeld(
  context: BrowserContext,
): Promise<{ page: Page; release: () => Promise<void> }> {
  const page = await context.newPage();
  const held: Route[] = [];
  let released = false;
  await page.route(
    (url) => /\/duckdb-(eh|mvp)-[\w-]+\.wasm$/.test(url.pathname),
    (route) => {
      if (released) return route.continue();
      held.push(route);
    },
  );
  return {
    page,
    release: async () => {
      released = true;
      for (const r of held.splice(0)) await r.continue();
    },
  };
}
