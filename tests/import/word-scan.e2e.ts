/**
 * Legacy Word and scanned reports through the browser import (production build): the .doc
 * report shows the figures of its web page and says which path read it; every request stays on
 * the page's origin (non-origin requests are blocked, so a fetch elsewhere would fail the read).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportId } from '../../src/dataset/report-id';
import { launch, newContext, RequestLog, SCREENSHOTS } from '../e2e/browser';
import { hasCorpus, reportsDir } from '../reliability/corpus';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const log = new RequestLog(origin);
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser, log);
  // Offline: anything not from the page's own origin is refused.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
});

const results = () => page.locator('[data-testid="import-result"]');

async function drop(files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  await page.locator('[data-testid="import-input"]').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(f.bytes),
    })),
  );
}

describe.skipIf(!hasCorpus)('legacy Word and scans in the browser import', () => {
  it('a .doc report gives the figures of its web page and says it was read as Word', async () => {
    await page.goto(baseUrl);
    await page.locator('[data-testid="chart-compare"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="import-panel"] > summary').click();
    const read = (name: string) => new Uint8Array(readFileSync(path.join(reportsDir, name)));
    await drop([
      { name: '平潭综合实验区_2022.doc', bytes: read('平潭综合实验区_2022.doc') },
      { name: '平潭综合实验区_2022.html', bytes: read('平潭综合实验区_2022.html') },
    ]);
    await expect.poll(() => results().count(), { timeout: 60_000 }).toBe(2);
    await expect
      .poll(() => page.locator('[data-testid="import-pending"]').count(), { timeout: 60_000 })
      .toBe(0);
    const doc = page.locator('[data-testid="import-result"][data-file="平潭综合实验区_2022.doc"]');
    const html = page.locator('[data-testid="import-result"][data-file="平潭综合实验区_2022.html"]');
    expect(await doc.getAttribute('data-ok')).toBe('true');
    expect(await doc.locator('[data-testid="import-reader"]').textContent()).toContain('Word 97–2003');
    expect(await html.locator('[data-testid="import-reader"]').textContent()).toContain('网页');
    // Same unit, year, format and cell count; same checks.
    const head = async (r: typeof doc) =>
      ((await r.locator('.import-result-head').textContent()) ?? '')
        .replace(/^\S+/, '')
        .replace(/·[^·]*$/, '');
    expect(await head(doc)).toEqual(await head(html));
    expect(await doc.locator('details.import-checks').textContent()).toEqual(
      await html.locator('details.import-checks').textContent(),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/import-doc.png`, fullPage: true });
    expect(log.offOrigin().filter((u) => !u.startsWith('chrome'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a scanned PDF is read by OCR in the worker, page by page, offline, and shows its figures', async () => {
    const name = '洪泽区_2024_扫描件.pdf';
    const bytes = new Uint8Array(readFileSync(path.join(reportsDir, name)));
    const want = JSON.parse(
      readFileSync(path.join(reportsDir, '../expected/洪泽区_2024_扫描件.json'), 'utf8'),
    );
    while ((await results().count()) > 0)
      await results().first().getByRole('button', { name: '移除' }).click();
    await drop([{ name, bytes }]);
    // A progress bar per page, with a cancel button, while the pages are read.
    await page.locator('[data-testid="import-progress"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid="import-cancel"]').count()).toBe(1);
    const row = page.locator(`[data-testid="import-result"][data-file="${name}"]`);
    await row.waitFor({ timeout: 1_500_000 });
    expect(await row.getAttribute('data-ok')).toBe('true');
    expect(await row.locator('[data-testid="import-reader"]').textContent()).toContain('OCR');
    const unit = (await row.locator('[data-testid="import-unit"]').textContent()) ?? '';
    expect(unit).toContain('洪泽区');
    await row.locator('[data-testid="import-add"]').click();
    await page.locator(`[data-testid="import-added"][data-file="${name}"]`).waitFor({ timeout: 60_000 });
    const sha = createHash('sha256').update(bytes).digest('hex');
    await page.goto(`${baseUrl}?v=1&view=report&report=${reportId(unit, 2024, sha)}`);
    const table3 = page.locator('[data-testid="report-table3"]');
    await table3.waitFor({ timeout: 60_000 });
    const text = (await table3.textContent()) ?? '';
    for (const row of ['new_received', 'granted', 'total_handled'])
      expect(text).toContain(String(want.table3[row].total));
    await page.screenshot({ path: `${SCREENSHOTS}/import-scan.png`, fullPage: true });
    expect(log.offOrigin().filter((u) => !u.startsWith('chrome'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 1_800_000);

  it('cancelling a scan stops it with a clear message', async () => {
    await page.locator('[data-testid="import-panel"] > summary').click();
    const name = '平潭综合实验区_2021_扫描件.pdf';
    await drop([{ name, bytes: new Uint8Array(readFileSync(path.join(reportsDir, name))) }]);
    await page.locator('[data-testid="import-cancel"]').click({ timeout: 300_000 });
    const row = page.locator(`[data-testid="import-result"][data-file="${name}"]`);
    await row.waitFor({ timeout: 600_000 });
    expect(await row.getAttribute('data-ok')).toBe('false');
    expect(await row.textContent()).toMatch(/已取消/);
  }, 900_000);
});
