/**
 * The production build in headless Chromium: every view draws from the bundled data (numbers
 * checked against the Parquet files read independently), links reproduce views, hostile links
 * get a notice, exports work, and no request leaves the origin during the whole session.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, SCREENSHOTS } from './browser';
import {
  busiestYear,
  checksCount,
  type Data,
  grandTotalHandled,
  longestSeries,
  openData,
  reportWithCells,
  table3ByUnit,
  unitLabelsOf,
} from './expected';
import { E2E_PLAIN, E2E_STALE, E2E_SYNTHETIC } from './globalSetup';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const units = (names: string[]) => names.map(encodeURIComponent).join('~');
/** Links carry unit ids (URL v2); the tests write current links unless they test an old one. */
const ids = (list: string[]) => list.join('~');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let data: Data;
let unitLabel: Map<string, string>;
const log = new RequestLog(origin);
const timings: Record<string, number> = {};

beforeAll(async () => {
  data = await openData();
  unitLabel = await unitLabelsOf(data);
  browser = await launch();
  context = await newContext(browser, log);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
});

afterAll(async () => {
  writeFileSync(`${SCREENSHOTS}/timings.json`, `${JSON.stringify(timings, null, 2)}\n`);
  await browser?.close();
  data?.close();
});

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

async function labels(p: Page, view: string): Promise<string[]> {
  return p.locator(`[data-testid="chart-${view}"] [data-testid="bar-value"]`).allTextContents();
}

describe('dashboard (production build)', () => {
  it('first load: Chinese UI and a chart from the bundled data (time kept in timings.json)', async () => {
    const started = Date.now();
    await page.goto(baseUrl);
    await page
      .locator('[data-testid="chart-compare"] [data-testid="bar-value"]')
      .first()
      .waitFor({ timeout: 30_000 });
    timings.firstChartMs = Date.now() - started;
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.locator('.tab[aria-current="page"]').textContent()).resolves.toBe('对比');
    await expect.poll(() => page.url()).toContain('?v=2');
  });

  it('对比: bar labels equal the Parquet values, sorted, with the same numbers in the table', async () => {
    const year = await busiestYear(data);
    const expected = (await table3ByUnit(data, 'new_received', year)).slice(0, 6);
    expect(expected.length).toBeGreaterThan(0);
    await openView(
      page,
      baseUrl,
      `?v=2&units=${ids(expected.map((e) => e.unit_id))}&year=${year}&table=1`,
      'compare',
    );
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    expect(await labels(page, 'compare')).toEqual(expected.map((e) => fmt.format(e.value)));
    const tableUnits = await page
      .locator('[data-testid="chart-compare"] table tbody tr td:first-child')
      .allTextContents();
    expect(tableUnits).toEqual(expected.map((e) => unitLabel.get(e.unit_id)));
    await expect(page.locator('[data-testid="chart-compare"] .formula').textContent()).resolves.toContain(
      '公式',
    );
    await shot('compare');
  });

  it('趋势: one point per year of the unit, values as in the Parquet, format change marked', async () => {
    const series = await longestSeries(data);
    await openView(page, baseUrl, `?v=2&view=trends&units=${series.unitId}&table=1`, 'trends');
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor();
    const rows = await page
      .locator('[data-testid="chart-trends"] table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows.map((r) => [Number(r[1]), r[3]])).toEqual(
      series.points.map((p) => [p.year, fmt.format(p.value)]),
    );
    expect(await page.locator('[data-testid="chart-trends"] .trend-dot').count()).toBe(series.points.length);
    if (series.points[0]!.year < 2021 && series.points.at(-1)!.year >= 2021) {
      await page
        .locator('[data-testid="chart-trends"] .recharts-reference-line')
        .first()
        .waitFor({ state: 'attached' });
      expect(
        await page.locator('[data-testid="chart-trends"] svg text', { hasText: '2021 年起新格式' }).count(),
      ).toBe(1);
    }
    // log scale is a URL-backed toggle
    await page.getByRole('button', { name: '对数' }).click();
    await expect.poll(() => page.url()).toContain('scale=log');
    await shot('trends');
  });

  it('办理结果: stacked bars per unit; counts equal the Parquet rows', async () => {
    const year = await busiestYear(data);
    const granted = (await table3ByUnit(data, 'granted', year)).slice(0, 4);
    expect(granted.length).toBeGreaterThan(0);
    await openView(
      page,
      baseUrl,
      `?v=2&view=outcomes&units=${ids(granted.map((g) => g.unit_id))}&year=${year}&omode=count&table=1`,
      'outcomes',
    );
    await page.locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle').first().waitFor();
    const rows = await page
      .locator('[data-testid="chart-outcomes"] table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    for (const g of granted) {
      const name = unitLabel.get(g.unit_id);
      const row = rows.find((r) => r[0] === name && r[1] === '予以公开');
      expect([name, row?.[2]]).toEqual([name, fmt.format(g.value)]);
    }
    await shot('outcomes');
  });

  it('透视: heat grid whose grand total equals the sum of total_handled', async () => {
    await openView(page, baseUrl, '?v=1&view=pivot', 'pivot');
    const grid = page.locator('[data-testid="pivot-grid"]');
    await grid.waitFor();
    // '*': some reports in the data lack total handled (incomplete table 三); they are counted, not added
    const total = (await grid.locator('tfoot td').last().textContent())?.replace(/\*$/, '');
    expect(total).toBe(fmt.format(await grandTotalHandled(data)));
    expect(await grid.locator('tbody td[style*="background"]').count()).toBeGreaterThan(0);
    await shot('pivot');
  });

  it('年报: printed table 三 cell and file hash of one report', async () => {
    const r = await reportWithCells(data);
    await openView(page, baseUrl, `?v=1&view=report&report=${r.report_id}`, 'report');
    await page.locator('[data-testid="report-body"]').waitFor();
    await expect(
      page.locator('[data-cell="table3.new_received.total"] .cell-value').textContent(),
    ).resolves.toBe(fmt.format(r.value));
    await expect(page.locator('[data-testid="report-sha256"]').textContent()).resolves.toBe(r.sha256);
    await shot('report');
  });

  it('数据质量: coverage matrix and the full failed-check count', async () => {
    await openView(page, baseUrl, '?v=1&view=quality', 'quality');
    await page.locator('[data-testid="coverage-matrix"]').waitFor();
    const n = await checksCount(data);
    await expect(page.locator('[data-testid="chart-quality"] h3').first().textContent()).resolves.toContain(
      `/ ${fmt.format(n)}）`,
    );
    expect(await page.locator('[data-testid="coverage-matrix"] td[data-status]').count()).toBeGreaterThan(0);
    await shot('quality');
  });

  it('a copied link reproduces the view and chart in a fresh browser context', async () => {
    const year = await busiestYear(data);
    const picked = (await table3ByUnit(data, 'new_received', year)).slice(0, 3);
    // An old (v1) link naming its units: it opens the same units, and the link is rewritten to their ids.
    await openView(page, baseUrl, `?v=1&units=${units(picked.map((e) => e.unit))}&year=${year}`, 'compare');
    await expect.poll(() => page.url()).toContain(`units=${ids(picked.map((e) => e.unit_id))}`);
    await expect.poll(() => page.url()).toContain('v=2');
    await page.getByRole('button', { name: '办理结果' }).click();
    await page.getByRole('button', { name: '件数' }).click();
    await page.locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('copy-link').click();
    // writeText is async: the label changes a tick after the click
    await expect.poll(() => page.getByTestId('copy-link').textContent()).toBe('链接已复制');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The address bar takes the change once the page has answered it (src/state/urlSync.ts).
    await expect.poll(() => page.url()).toBe(link);
    const before = await page
      .locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    const title = await page.locator('.chart-title').textContent();

    const fresh = await newContext(browser, log);
    const other = await fresh.newPage();
    await other.goto(link);
    await other
      .locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle')
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await other.locator('.chart-title').textContent()).toBe(title);
    expect(await other.locator('.segmented button[aria-pressed="true"]').allTextContents()).toContain('件数');
    const after = await other
      .locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(after).toEqual(before);
    await fresh.close();
  });

  it('back and forward move between views', async () => {
    await openView(page, baseUrl, '?v=1', 'compare');
    // The address bar takes a change once the view has answered it (at most 0.5 s later):
    // Back returns to what it showed.
    await page.getByRole('button', { name: '趋势' }).click();
    await page.locator('[data-testid="chart-trends"]').waitFor();
    await expect.poll(() => page.url()).toContain('view=trends');
    await page.getByRole('button', { name: '透视' }).click();
    await page.locator('[data-testid="chart-pivot"]').waitFor();
    await expect.poll(() => page.url()).toContain('view=pivot');
    await page.goBack();
    await page.locator('[data-testid="chart-trends"]').waitFor();
    await page.goBack();
    await page.locator('[data-testid="chart-compare"]').waitFor();
    await page.goForward();
    await page.locator('[data-testid="chart-trends"]').waitFor();
    await expect.poll(() => page.url()).toContain('view=trends');
  });

  it('a hostile link shows the notice, falls back to defaults and raises no error', async () => {
    const hostile =
      '?v=2&view=%3Cscript%3Ealert(1)%3C/script%3E&units=%27%3B%20DROP%20TABLE%20reports%3B--&data=https://evil.example/data/&year=99999&metric=x%27%20OR%201%3D1';
    await openView(page, baseUrl, hostile, 'compare');
    const notice = page.getByTestId('url-notices');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const p of ['view', 'units', 'data', 'year', 'metric']) expect(text).toContain(p);
    expect(await page.locator('.error-panel').count()).toBe(0);
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    await expect.poll(() => page.url()).not.toContain('evil');
    await shot('hostile-link');
  });

  it('embed mode shows only the chart, its title and its source line', async () => {
    await openView(page, baseUrl, '?v=1&embed=1', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    expect(await page.locator('header').count()).toBe(0);
    expect(await page.locator('.controls').count()).toBe(0);
    expect(await page.locator('.toolbar').count()).toBe(0);
    await expect(page.locator('.source-line').textContent()).resolves.toContain('数据来源');
    await shot('embed');
  });

  it('exports the chart as SVG and PNG and its data as CSV with a BOM', async () => {
    await openView(page, baseUrl, '?v=1&lang=en', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    const grab = async (testId: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return readFileSync((await download.path())!);
    };
    const svg = (await grab('export-svg')).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('data-testid="bar-value"');
    const png = await grab('export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = (await grab('export-csv')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.split('\r\n');
    // title, conditions, formula, source and dataset lines, a blank line, then the table
    expect(lines[0]).toMatch(/^\uFEFFTitle,/);
    const header = lines.indexOf('') + 1;
    expect(lines[header]).toMatch(/^Unit,Unit ID,Province,Year,Format,[^,]+,Failed checks$/);
  });

  it('switches to English, keeps it in the URL and remembers it for the next visit', async () => {
    await openView(page, baseUrl, '?v=1&view=trends', 'trends');
    await page.getByRole('button', { name: '切换语言' }).click();
    await expect(page.locator('.tab[aria-current="page"]').textContent()).resolves.toBe('Trends');
    await expect.poll(() => page.url()).toContain('lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const other = await context.newPage();
    await openView(other, baseUrl, '?v=1', 'compare');
    await expect(other.locator('.tab[aria-current="page"]').textContent()).resolves.toBe('Compare');
    await other.getByRole('button', { name: 'Switch language' }).click();
    await other.close();
  });

  it('the unit picker is not redrawn when the unit index comes in after the first view', async () => {
    // Unfiltered, the picker's hits are asked but not shown; their answer waits for the unit
    // index (built after the first view) and used to redraw the picker unchanged, in the middle
    // of whatever input came next (the input's attributes are set again on each render).
    const p = await context.newPage();
    await p.addInitScript(() => {
      const seen: number[] = [];
      (window as unknown as { __PICKER__: number[] }).__PICKER__ = seen;
      new MutationObserver((records) => {
        for (const r of records)
          if ((r.target as Element).closest?.('.unit-picker')) seen.push(performance.now());
      }).observe(document, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    // Without derived/ (so no answers shipped for the first view): the hits come from the engine.
    await openView(p, baseUrl, `?v=1&data=${E2E_PLAIN}`, 'compare');
    const indexIn = () =>
      p.evaluate(() => {
        const m = performance.getEntriesByName('db:stage').find((e) => {
          const stage = (e as PerformanceMeasure).detail?.stage;
          return stage === 'derived (late): units';
        });
        return m ? m.startTime + m.duration : null;
      });
    await expect.poll(indexIn, { timeout: 30_000 }).not.toBeNull();
    const t = (await indexIn())!;
    await p.waitForTimeout(1_000);
    const after = await p.evaluate(
      (t) => (window as unknown as { __PICKER__: number[] }).__PICKER__.filter((x) => x > t),
      t,
    );
    await p.close();
    expect(after).toEqual([]);
  });

  it('finds a unit by pinyin and adds it from the picker', async () => {
    // The search keys come from their own worker (src/db/unit-search.worker.ts), not the page's
    // fallback, which would hold the page's first inputs up again.
    const onPage: string[] = [];
    const listen = (m: { text(): string }) => {
      if (m.text().includes('computed on the page instead')) onPage.push(m.text());
    };
    page.on('console', listen);
    // The bundled dataset ships its unit index with the keys (derived/late.json); without
    // derived/, the worker computes them.
    for (const data of ['', `&data=${E2E_PLAIN}`]) {
      await openView(page, baseUrl, `?v=1&lang=zh${data}`, 'compare');
      await page.getByTestId('unit-search').fill('pingtan');
      const hit = page.locator('.hit-add', { hasText: '平潭综合实验区' }).first();
      await hit.waitFor();
      // Read before the click: an added unit leaves the results, and the locator moves on.
      const id = await hit.getAttribute('data-unit-id');
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      await hit.click();
      await page.locator('.chip', { hasText: '平潭综合实验区' }).waitFor();
      await expect.poll(() => page.url()).toContain(`units=${id}`);
    }
    page.off('console', listen);
    expect(onPage).toEqual([]);
  });

  it('loads another same-origin dataset from the URL and flags synthetic data', async () => {
    await openView(page, baseUrl, `?v=1&data=${E2E_SYNTHETIC}`, 'compare');
    await page.getByTestId('synthetic-banner').waitFor();
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    await shot('synthetic');
  });

  it('gives the same figures without its derived/ folder, or with one built from other files', async () => {
    const figures = async (search: string) => {
      // Answers kept from the visits before would be drawn first (same files, src/db/stored.ts):
      // without them, what is drawn is what this very load computed.
      await page.evaluate(async () => {
        const buckets = (navigator as { storageBuckets?: { delete(n: string): Promise<void> } })
          .storageBuckets;
        if (buckets) await buckets.delete('answers');
        else indexedDB.deleteDatabase('gov-info-reports-answers');
      });
      await openView(page, baseUrl, search, 'compare');
      const labels = page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]');
      await labels.first().waitFor();
      return {
        values: await labels.allTextContents(),
        units: await page
          .locator('[data-testid="chart-compare"] [data-testid="compare-axis-label"]')
          .allTextContents(),
        footer: await page.locator('.dataset-summary').textContent(),
      };
    };
    const bundled = await figures('?v=1');
    expect(bundled.values.length).toBeGreaterThan(3);
    expect(await figures(`?v=1&data=${E2E_PLAIN}`)).toEqual(bundled);
    expect(await figures(`?v=1&data=${E2E_STALE}`)).toEqual(bundled);
  });

  it('names the missing file when a dataset fails to load', async () => {
    await page.goto(`${baseUrl}?v=1&data=no-such-dataset/`);
    const panel = page.locator('.error-panel');
    await panel.waitFor({ timeout: 30_000 });
    await expect(panel.textContent()).resolves.toContain('no-such-dataset/reports.parquet');
    await shot('dataset-error');
  });

  it('downloads the loaded dataset as the four Parquet files', async () => {
    await openView(page, baseUrl, '?v=1', 'compare');
    const downloads: string[] = [];
    const magic: string[] = [];
    page.on('download', async (d) => {
      downloads.push(d.suggestedFilename());
      magic.push(
        readFileSync((await d.path())!)
          .subarray(0, 4)
          .toString('latin1'),
      );
    });
    await page.getByTestId('download-parquet').click();
    await expect.poll(() => magic.length, { timeout: 30_000 }).toBe(4);
    expect(downloads.sort()).toEqual([
      'cells.parquet',
      'checks.parquet',
      'regions.parquet',
      'reports.parquet',
    ]);
    expect(magic).toEqual(['PAR1', 'PAR1', 'PAR1', 'PAR1']);
  });

  it('no request left the origin during the whole session', () => {
    expect(log.urls.length).toBeGreaterThan(10);
    expect(log.offOrigin()).toEqual([]);
  });
});
