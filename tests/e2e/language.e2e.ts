/**
 * One language at a time: on every view, in Chinese and in English, on the bundled and the
 * synthetic data, no raw key (`withheld_state_secret`, `table2.short_row`…) reaches the visible
 * text outside code and URL fields, the English UI shows no "table 三" hybrids, and province
 * choices are in the UI language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog } from './browser';
import { type Data, openData } from './expected';
import { E2E_SYNTHETIC } from './globalSetup';

const baseUrl = inject('baseUrl');
const RAW_KEY = /[a-z]+_[a-z_]+/;

let browser: Browser;
let page: Page;
let data: Data;

beforeAll(async () => {
  data = await openData();
  browser = await launch();
  page = await (await newContext(browser, new RequestLog(new URL(baseUrl).origin))).newPage();
});

afterAll(async () => {
  await browser?.close();
  data?.close();
});

/** What each view shows once its data has arrived. */
const READY: Record<string, string> = {
  compare: '[data-testid="bar-value"], [data-testid="chart-compare"] p.muted',
  trends: '.trend-line, [data-testid="chart-trends"] p.muted',
  outcomes: '.recharts-bar-rectangle, [data-testid="chart-outcomes"] p.muted',
  pivot: '[data-testid="pivot-grid"]',
  report: '[data-testid="report-body"], [data-testid="chart-report"] p.muted',
  quality: '[data-testid="coverage-matrix"]',
  about: '[data-testid="about-summary"]',
};

/** Visible text of the page without code, inputs and links to sources (where keys may stand). */
async function visibleText(p: Page): Promise<string> {
  return p.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('code, pre, script, style, input, textarea, a[href^="http"]'))
      el.remove();
    return body.textContent ?? '';
  });
}

async function openReady(search: string, view: string): Promise<string> {
  await openView(page, baseUrl, search, view);
  await page.locator(READY[view]!).first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  return visibleText(page);
}

function rawKeys(text: string): string[] {
  return [...new Set(text.match(new RegExp(RAW_KEY, 'g')) ?? [])];
}

async function reportsWithChecks(): Promise<string[]> {
  const rows = await data.rows<{ report_id: string }>(`
    SELECT report_id FROM (
      SELECT report_id, rule, row_number() OVER (PARTITION BY rule ORDER BY report_id) AS n FROM checks
    ) WHERE n = 1 ORDER BY rule LIMIT 6`);
  return rows.map((r) => r.report_id);
}

describe('one language at a time', () => {
  for (const dataset of ['', `&data=${E2E_SYNTHETIC}`]) {
    for (const lang of ['zh', 'en'] as const) {
      const name = `${dataset ? 'synthetic' : 'bundled'} data, ${lang}`;
      it(`no raw key on any view (${name})`, async () => {
        const found: Record<string, string[]> = {};
        for (const view of Object.keys(READY)) {
          const text = await openReady(`?v=1&view=${view}&lang=${lang}&table=1${dataset}`, view);
          const keys = rawKeys(text);
          if (keys.length > 0) found[view] = keys;
          if (lang === 'en') expect(text, view).not.toMatch(/table [二三四]/i);
        }
        // Views drawn another way by a parameter: the province map, the pivot with subtotals.
        for (const [key, search, view] of [
          ['compareMap', 'view=compare&cshow=map', 'compare'],
          ['pivotSubtotals', 'view=pivot&prows=province~level', 'pivot'],
        ] as const) {
          const text = await openReady(`?v=1&${search}&lang=${lang}&table=1${dataset}`, view);
          if (rawKeys(text).length > 0) found[key] = rawKeys(text);
          if (lang === 'en') expect(text, key).not.toMatch(/table [二三四]/i);
        }
        const problems = dataset
          ? await openReady(`?v=1&view=quality&lang=${lang}&qproblems=1${dataset}`, 'quality')
          : '';
        if (rawKeys(problems).length > 0) found.qualityProblems = rawKeys(problems);
        expect(found).toEqual({});
      }, 180_000);
    }
  }

  it('reports with each kind of failed check word them in the UI language', async () => {
    const ids = await reportsWithChecks();
    expect(ids.length).toBeGreaterThan(0);
    for (const lang of ['zh', 'en'] as const) {
      for (const id of ids) {
        const text = await openReady(`?v=1&view=report&report=${id}&lang=${lang}`, 'report');
        expect([id, lang, rawKeys(text)]).toEqual([id, lang, []]);
        if (lang === 'en') expect(text).not.toMatch(/表[二三四]不完整|未找到表/);
      }
    }
  }, 240_000);

  it('English lists provinces by their English names', async () => {
    await openReady('?v=1&view=quality&lang=en', 'quality');
    const options = await page
      .locator('[data-testid="chart-quality"] select')
      .nth(2)
      .locator('option')
      .allTextContents();
    expect(options.length).toBeGreaterThan(1);
    for (const o of options) expect(o).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
