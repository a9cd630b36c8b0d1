/**
 * Issue 17 in the production build: anomaly flags in the Quality view and on the Trends chart.
 * Expected flags are read from the bundled Parquet files with @duckdb/node-api, not through the app.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, SCREENSHOTS, statementsSince } from './browser';
import { type Data, openData, unitLabelsOf } from './expected';

const baseUrl = inject('baseUrl');
const log = new RequestLog(new URL(baseUrl).origin);
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

let browser: Browser;
let context: BrowserContext;
let page: Page;
let data: Data;

beforeAll(async () => {
  data = await openData();
  browser = await launch();
  context = await newContext(browser, log);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  data?.close();
});

interface Narrative {
  unit: string;
  unit_id: string;
  year: number;
  expected: number;
  actual: number;
}

const narrative = () =>
  data.rows<Narrative>(`
    SELECT r.unit, r.unit_id, r.year, c.expected, c.actual FROM checks c JOIN reports r USING (report_id)
    WHERE c.rule = 'narrative.total' ORDER BY r.unit, r.year`);

describe('anomaly flags', () => {
  it('Quality lists each prose/table mismatch with both figures, and counts what it lists', async () => {
    const expected = await narrative();
    expect(expected.length).toBeGreaterThan(0);
    await openView(page, baseUrl, '?v=1&view=quality', 'quality');
    const panel = page.locator('[data-testid="anomalies"]');
    await panel.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const rows = await panel.locator('tbody tr').allTextContents();
    const heading = await panel.locator('h3').textContent();
    expect(heading).toContain(`（${rows.length}）`);
    for (const n of expected) {
      const row = rows.find(
        (r) => r.includes(n.unit) && r.includes(String(n.year)) && r.includes('正文与表格不符'),
      );
      expect(row, `${n.unit} ${n.year}`).toBeDefined();
      expect(row).toContain(`正文所述 ${fmt.format(n.expected)} 件`);
      expect(row).toContain(`总计 ${fmt.format(n.actual)}`);
    }
    await page.selectOption('[data-testid="anomaly-rule"]', 'narrative_total');
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(expected.length);
    await page.screenshot({ path: `${SCREENSHOTS}/anomalies.png`, fullPage: true });
    // The bundled dataset ships its flags (derived/anomalies.json): read, and none of the
    // statements that compute them ran in the page.
    const ran = await statementsSince(page, 0);
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((s) => s.sql.includes('anomaly_t3'))).toEqual([]);
    const stages = await page.evaluate(() =>
      performance.getEntriesByName('db:stage').map((e) => String((e as PerformanceMeasure).detail?.stage)),
    );
    expect(stages).toContain('shipped anomaly flags read');
  });

  it('Trends marks the flagged point of a unit and says why under the chart', async () => {
    const [n] = await narrative();
    await openView(page, baseUrl, `?v=2&view=trends&units=${n!.unit_id}`, 'trends');
    const mark = page.locator('[data-testid="chart-trends"] [data-testid="anomaly-mark"]');
    await mark.first().waitFor({ timeout: 30_000 });
    await expect(mark.first().locator('title').textContent()).resolves.toContain(
      `正文所述 ${fmt.format(n!.expected)} 件`,
    );
    const list = await page.locator('[data-testid="trend-anomalies"] li').allTextContents();
    // The list names the unit by its label (src/domain/units/labels.ts), as the chart's legend does.
    const label = (await unitLabelsOf(data)).get(n!.unit_id);
    expect(list.some((l) => l.startsWith(`${label} ${n!.year}`))).toBe(true);
  });

  it('a figure clicked in Compare opens the Report view with that cell highlighted and its source', async () => {
    const [top] = await data.rows<{
      unit: string;
      year: number;
      value: number;
      report_id: string;
      source: string;
    }>(`
      SELECT r.unit, r.year, c.value, r.report_id, r.source FROM reports r JOIN cells c USING (report_id)
      WHERE c."table" = 'table3' AND c.row = 'new_received' AND c.col = 'total' AND c.value IS NOT NULL
      ORDER BY r.year DESC, c.value DESC LIMIT 1`);
    await openView(page, baseUrl, `?v=1&view=compare&year=${top!.year}&table=1`, 'compare');
    const bars = page.locator('[data-testid="chart-compare"] .recharts-bar-rectangle');
    await bars.first().waitFor();
    await bars.first().click();
    const cell = page.locator('[data-cell="table3.new_received.total"]');
    await cell.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.url()).toContain(`report=${top!.report_id}`);
    await expect.poll(() => page.url()).toContain('cell=table3.new_received.total');
    await expect(cell.getAttribute('class')).resolves.toContain('cell-selected');
    await expect(cell.locator('.cell-value').textContent()).resolves.toBe(fmt.format(top!.value));
    const source = page.getByTestId('cell-source');
    await expect(source.textContent()).resolves.toContain(top!.source);
    await expect(page.getByTestId('cell-printed').textContent()).resolves.toBe(fmt.format(top!.value));
    // the data table's figure leads to the same place
    await page.goBack();
    await page.getByTestId('compare-figure').first().click();
    await expect.poll(() => page.url()).toContain(`report=${top!.report_id}`);
  });

  it('a figure of the Trends data table opens the Report view at that cell', async () => {
    const [n] = await narrative();
    const [r] = await data.rows<{ report_id: string }>(
      `SELECT report_id FROM reports WHERE unit_id = '${n!.unit_id}' AND year = ${n!.year}`,
    );
    await openView(page, baseUrl, `?v=2&view=trends&units=${n!.unit_id}&table=1`, 'trends');
    const figures = page.getByTestId('trend-figure');
    await figures.first().waitFor({ timeout: 30_000 });
    const rows = page.locator('[data-testid="trend-figure"]');
    const count = await rows.count();
    let clicked = false;
    for (let i = 0; i < count && !clicked; i++) {
      const row = rows.nth(i).locator('xpath=ancestor::tr');
      if (((await row.textContent()) ?? '').includes(String(n!.year))) {
        await rows.nth(i).click();
        clicked = true;
      }
    }
    expect(clicked).toBe(true);
    await expect.poll(() => page.url()).toContain(`report=${r!.report_id}`);
    expect(page.url()).toContain('cell=table3.new_received.total');
    await page.locator('[data-cell="table3.new_received.total"].cell-selected').waitFor({ timeout: 30_000 });
  });
  it('a count of the Outcomes data table opens its report at the printed cell', async () => {
    const [n] = await narrative();
    const [r] = await data.rows<{ report_id: string }>(
      `SELECT report_id FROM reports WHERE unit_id = '${n!.unit_id}' AND year = ${n!.year}`,
    );
    // Drilled into the 予以公开 group: each row is one printed table-三 row.
    await openView(
      page,
      baseUrl,
      `?v=2&view=outcomes&units=${n!.unit_id}&year=${n!.year}&table=1`,
      'outcomes',
    );
    await page.getByTestId('outcome-group').selectOption('granted');
    const figure = page.getByTestId('outcome-figure').first();
    await figure.waitFor({ timeout: 30_000 });
    await figure.click();
    await expect.poll(() => page.url()).toContain(`report=${r!.report_id}`);
    expect(page.url()).toContain('cell=table3.granted.total');
    await page.locator('[data-cell="table3.granted.total"].cell-selected').waitFor({ timeout: 30_000 });
  });

  it('no request left the origin', () => {
    expect(log.offOrigin()).toEqual([]);
  });
});
