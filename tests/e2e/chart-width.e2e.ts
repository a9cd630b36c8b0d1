/**
 * A chart fills its box's width (src/ui/common/ChartBox.tsx): after the window narrows, the chart
 * shown is redrawn to the new width, and the next view's chart, which starts at the width the
 * last box measured, is drawn at it too.
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
