/**
 * Small screens: at 390×844 (a common phone) every view fits the page width; wide tables and
 * grids scroll inside their own box. Screenshots of each view are kept in test-output/e2e.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openView, SCREENSHOTS } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    deviceScaleFactor: 1,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const READY: Record<string, string> = {
  compare: '[data-testid="bar-value"]',
  trends: '.trend-line',
  outcomes: '.recharts-bar-rectangle',
  pivot: '[data-testid="pivot-grid"]',
  report: '[data-testid="report-body"]',
  quality: '[data-testid="coverage-matrix"]',
  about: '[data-testid="about-summary"]',
};

/** Views drawn another way by a parameter: the page they open on, and what shows once ready. */
const VARIANTS: Record<string, { view: string; params: string; ready: string }> = {
  'compare-map': { view: 'compare', params: 'cshow=map', ready: '[data-testid="province-map"]' },
  'pivot-subtotals': {
    view: 'pivot',
    params: 'prows=province~level',
    ready: '[data-testid="pivot-subtotal"]',
  },
};

/** Elements wider than the viewport that are not inside a scrolling box (for the failure message). */
async function overflow(p: Page) {
  return p.evaluate(() => {
    const out: string[] = [];
    // the outermost elements that stick out: their parent still fits
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 && parent && parent.right <= window.innerWidth + 1)
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.right)}`);
    }
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      culprits: out.slice(0, 8),
    };
  });
}

describe('390×844: no page-level horizontal scroll', () => {
  for (const lang of ['zh', 'en'] as const) {
    const cases = [
      ...Object.keys(READY).map((view) => ({ name: view, view, params: '', ready: READY[view]! })),
      ...Object.entries(VARIANTS).map(([name, v]) => ({ name, ...v, params: `&${v.params}` })),
    ];
    for (const { name: view, view: opened, params, ready } of cases) {
      it(`${view} (${lang})`, async () => {
        await openView(page, baseUrl, `?v=1&view=${opened}&lang=${lang}&table=1${params}`, opened);
        await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
        await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
        await page.screenshot({ path: `${SCREENSHOTS}/mobile-${view}-${lang}.png`, fullPage: true });
        const o = await overflow(page);
        expect(
          o.scrollWidth <= o.innerWidth ? [] : o.culprits,
          `${view}: ${o.scrollWidth} > ${o.innerWidth}`,
        ).toEqual([]);
        expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
      });
    }
  }
});
