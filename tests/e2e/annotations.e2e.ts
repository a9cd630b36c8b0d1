/**
 * Issue 17 in the production build: a failed check reviewed and a cell corrected in the Report
 * view survive a reload, filter the Quality view, change the chart only "with corrections" (and
 * say so in its title), go out with the dataset as corrections.parquet, and come back the same in
 * a fresh profile from the exported annotations file. The report and figures come from the
 * bundled Parquet files, read with @duckdb/node-api.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, SCREENSHOTS } from './browser';
import { type Data, openData } from './expected';

const baseUrl = inject('baseUrl');
const log = new RequestLog(new URL(baseUrl).origin);
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const dir = mkdtempSync(join(tmpdir(), 'prov-e2e-'));
const NOTE = '原表（七）总计少计 6 件';
const REASON = '测试更正';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let data: Data;
let target: { report_id: string; unit: string; year: number; rule: string; location: string; value: number };

beforeAll(async () => {
  data = await openData();
  // The first report with a failed table-三 check and a printed new_received total.
  const found = await data.rows<typeof target>(`
    SELECT r.report_id, r.unit, r.year, c.rule, c.location, v.value
    FROM checks c JOIN reports r USING (report_id)
    JOIN cells v ON v.report_id = r.report_id AND v."table" = 'table3' AND v.row = 'new_received' AND v.col = 'total'
    WHERE c.rule LIKE 'table3.%' AND v.value IS NOT NULL
    ORDER BY r.report_id, c.rule, c.location LIMIT 1`);
  target = found[0]!;
  browser = await launch();
  context = await newContext(browser, log);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  data?.close();
});

const corrected = () => target.value + 1000;
const cell = (p: Page) => p.locator('[data-cell="table3.new_received.total"]');
const firstReview = (p: Page) =>
  p.locator(`[data-testid="report-body"] [data-testid="review-editor"]`).first();

async function openReport(p: Page) {
  await openView(p, baseUrl, `?v=1&view=report&report=${target.report_id}`, 'report');
  await p.locator('[data-testid="report-body"]').waitFor();
}

describe('reviews and corrections', () => {
  it('review a failed check and correct a cell in the Report view; the printed value stays', async () => {
    await openReport(page);
    await firstReview(page).locator('select').selectOption('confirmed');
    await firstReview(page).locator('input').fill(NOTE);
    await firstReview(page).locator('button').click();
    await expect.poll(() => firstReview(page).getAttribute('data-status')).toBe('confirmed');
    await cell(page).locator('button').click();
    await expect(page.getByTestId('cell-printed').textContent()).resolves.toBe(fmt.format(target.value));
    await page.getByTestId('correction-value').fill(String(corrected()));
    await page.getByTestId('correction-reason').fill(REASON);
    await page.getByTestId('correction-save').click();
    await cell(page).getByTestId('cell-corrected').waitFor();
    await expect(cell(page).locator('.cell-value').textContent()).resolves.toBe(fmt.format(target.value));
  });

  it('both survive a reload', async () => {
    await page.reload();
    await page.locator('[data-testid="report-body"]').waitFor();
    await expect
      .poll(() => firstReview(page).getAttribute('data-status'), { timeout: 10_000 })
      .toBe('confirmed');
    await expect(firstReview(page).textContent()).resolves.toContain(NOTE);
    await cell(page).getByTestId('cell-corrected').waitFor();
  });

  it('Quality shows only confirmed errors on request; the link carries that, not the note', async () => {
    await openView(page, baseUrl, '?v=1&view=quality', 'quality');
    const editors = page.locator('[data-testid="chart-quality"] [data-testid="review-editor"]');
    await editors.first().waitFor();
    expect(await editors.count()).toBeGreaterThan(1);
    await page.selectOption('[data-testid="review-filter"]', 'confirmed');
    await expect.poll(() => editors.count()).toBe(1);
    await expect.poll(() => page.url()).toContain('qconfirmed=1');
    await expect.poll(() => decodeURIComponent(page.url())).not.toContain(NOTE);
    await page.selectOption('[data-testid="review-filter"]', 'open');
    await expect
      .poll(async () => (await editors.allTextContents()).some((t) => t.includes(NOTE)))
      .toBe(false);
  });

  it('Compare uses printed values until "with corrections" is on, and its title says so', async () => {
    const search = `?v=1&view=compare&units=${encodeURIComponent(target.unit)}&year=${target.year}`;
    await openView(page, baseUrl, search, 'compare');
    const labels = page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]');
    await expect.poll(() => labels.allTextContents()).toEqual([fmt.format(target.value)]);
    const title = page.locator('[data-testid="chart-compare"] h2');
    expect(await title.textContent()).not.toContain('含更正');
    await page.getByTestId('corrections-toggle').check();
    await expect.poll(() => labels.allTextContents()).toEqual([fmt.format(corrected())]);
    await expect(title.textContent()).resolves.toContain('（含更正）');
    await expect.poll(() => page.url()).toContain('corr=1');
    const csv = page.waitForEvent('download');
    await page.locator('[data-testid="chart-compare"] [data-testid="export-csv"]').click();
    expect((await csv).suggestedFilename()).toContain('含更正');
    await page.screenshot({ path: `${SCREENSHOTS}/corrections.png`, fullPage: true });
  });

  it('the dataset download carries corrections.parquet', async () => {
    const files = new Map<string, string>();
    page.on('download', async (d) => {
      const path = join(dir, d.suggestedFilename());
      await d.saveAs(path);
      files.set(d.suggestedFilename(), path);
    });
    await page.getByTestId('download-parquet').click();
    await expect.poll(() => files.size, { timeout: 30_000 }).toBe(5);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rows = (
      await c.runAndReadAll(`SELECT * FROM read_parquet('${files.get('corrections.parquet')}')`)
    ).getRowObjectsJson();
    c.closeSync();
    expect(rows).toEqual([
      expect.objectContaining({
        report_id: target.report_id,
        table: 'table3',
        row: 'new_received',
        col: 'total',
        printed: target.value,
        corrected: corrected(),
        reason: REASON,
      }),
    ]);
  });

  it('export → import into a fresh profile gives the same state', async () => {
    await openView(page, baseUrl, '?v=1&view=quality', 'quality');
    const summary = await page.getByTestId('annotations-summary').textContent();
    const exported = page.waitForEvent('download');
    await page.getByTestId('annotations-export').click();
    const file = join(dir, 'annotations-copy.json');
    copyFileSync((await (await exported).path())!, file);

    const fresh = await newContext(browser, log);
    const p2 = await fresh.newPage();
    await openView(p2, baseUrl, '?v=1&view=quality', 'quality');
    await expect(p2.getByTestId('annotations-summary').textContent()).resolves.not.toBe(summary);
    await p2.getByTestId('annotations-import').setInputFiles(file);
    await expect.poll(() => p2.getByTestId('annotations-summary').textContent()).toBe(summary);
    // The summary changes as soon as the file is merged; the status line only once IndexedDB has
    // kept it. Navigating before that would lose the write.
    await p2.getByTestId('annotations-toolbar').getByRole('status').waitFor();
    await openReport(p2);
    await expect.poll(() => firstReview(p2).getAttribute('data-status')).toBe('confirmed');
    await expect(firstReview(p2).textContent()).resolves.toContain(NOTE);
    await cell(p2).getByTestId('cell-corrected').waitFor();
    await fresh.close();
  });

  it('no request left the origin', () => {
    expect(log.offOrigin()).toEqual([]);
  });
});
