/**
 * A chart fills its box's width (src/ui/common/ChartBox.tsx): after the window narrows, the chart
 * shown is redrawn to the new width, and the next view's chart, which starts at the width the
 * last box measured, is drawn at it too. And recharts draws them without measuring text in the
 * page (src/ui/common/recharts-measure.ts), every axis tick and grid line still drawn.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await newContext(browser, new RequestLog(new URL(baseUrl).origin))).newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** The width of `view`'s chart and of the box it is drawn in. */
const widths = (view: string) =>
  page.evaluate((v) => {
    const svg = document.querySelector(`[data-testid="chart-${v}"] .recharts-wrapper svg`);
    const box = svg?.closest('.recharts-wrapper')?.parentElement;
    return {
      chart: Number(svg?.getAttribute('width') ?? 0),
      box: Math.floor(box?.getBoundingClientRect().width ?? 0),
    };
  }, view);

describe('chart width', () => {
  it('follows the page as it narrows, in the view shown and the next one', async () => {
    await openView(page, baseUrl, '?v=1', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    const wide = await widths('compare');
    expect(wide.chart).toBe(wide.box);

    await page.setViewportSize({ width: 760, height: 900 });
    await expect.poll(async () => (await widths('compare')).chart).toBeLessThan(wide.chart);
    const narrow = await widths('compare');
    expect(narrow.chart).toBe(narrow.box);

    await page.locator('.tab[data-view="trends"]').click();
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor({ state: 'attached' });
    const next = await widths('trends');
    expect(next.chart).toBe(next.box);
    expect(next.chart).toBeLessThan(wide.chart);
  });
});

describe('chart text', () => {
  it('is drawn without recharts measuring it in the page: all ticks and grid lines are there', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openView(page, baseUrl, '?v=1', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    for (const view of ['trends', 'outcomes', 'compare']) {
      await page.locator(`.tab[data-view="${view}"]`).click();
      const chart = page.locator(`[data-testid="chart-${view}"] .recharts-wrapper svg`);
      await chart.waitFor();
      await expect
        .poll(() => chart.locator('.recharts-cartesian-axis-tick-value').count())
        .toBeGreaterThan(2);
      expect(await chart.locator('.recharts-cartesian-grid-vertical line').count()).toBeGreaterThan(2);
      const ticks = await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents();
      expect(ticks.every((t) => t.trim() !== '')).toBe(true);
    }
    // Trends shows every year on its axis, unthinned.
    await page.locator('.tab[data-view="trends"]').click();
    const ticks = await page
      .locator('[data-testid="chart-trends"] .recharts-cartesian-axis-tick-value')
      .allTextContents();
    const years = ticks.filter((t) => /^20\d\d$/.test(t.trim())).map(Number);
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0]! + i));
    expect(await page.evaluate(() => document.getElementById('recharts_measurement_span'))).toBeNull();
  });
});
