/**
 * A worker that dies does not hang the app (issue 12): the production build with the Parquet
 * codec worker's script, then the import worker's, replaced by one that throws as it starts. The
 * load ends in the error panel naming the decoder, and a dropped file fails with its name and
 * "import worker stopped", where before such a worker left the load or the file waiting forever.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, RequestLog, SCREENSHOTS } from './browser';

const baseUrl = inject('baseUrl');
const log = new RequestLog(new URL(baseUrl).origin);

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser, log);
});

afterAll(async () => {
  await browser?.close();
});

/** A page whose worker scripts matching `pattern` throw as soon as they run. */
async function withCrashingWorker(pattern: RegExp): Promise<Page> {
  const page = await context.newPage();
  await page.route(
    (url) => pattern.test(url.pathname),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: 'throw new Error("worker crashed for the test");',
      }),
  );
  return page;
}

describe('a worker that dies', () => {
  it('the Parquet decoder: the load ends with an error naming it, not an endless loading panel', async () => {
    const page = await withCrashingWorker(/\/parquet\.worker-[^/]*\.js$/);
    await page.goto(`${baseUrl}?v=1`);
    const panel = page.locator('.error-panel');
    await panel.waitFor({ timeout: 30_000 });
    const text = (await panel.textContent()) ?? '';
    expect(text).toMatch(/\.parquet: not a readable Parquet file/);
    expect(text).toContain('the Parquet decoder (a Web Worker) failed');
    await page.screenshot({ path: `${SCREENSHOTS}/worker-failure-codec.png` });
    await page.close();
  }, 60_000);

  it('the import worker: a dropped file fails with its name, and the loaded data stays', async () => {
    const page = await withCrashingWorker(/\/worker-[^/]*\.js$/);
    await page.goto(`${baseUrl}?v=1`);
    await page.locator('[data-testid="chart-compare"]').waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles([{ name: 'some-report.txt', mimeType: 'text/plain', buffer: Buffer.from('text') }]);
    const row = page.locator('[data-testid="import-result"]');
    await expect.poll(() => row.getAttribute('data-ok'), { timeout: 20_000 }).toBe('false');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('some-report.txt');
    expect(text).toContain('导入进程已停止');
    expect(await page.locator('.error-panel').count()).toBe(0);
    await page.close();
  }, 60_000);
});
