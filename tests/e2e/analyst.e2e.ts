/**
 * The analyst's tools of issue 15, in both languages: pivot subtotals computed by the query (a
 * rate's subtotal is Σnumerator / Σdenominator), the province tile map (values, missing
 * provinces, legend, export), the "about this data" page (counts from the loaded data), and
 * highlighting one unit and sorting by value in Compare. Expected values come from the Parquet
 * files through their own SQL (tests/e2e/expected.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { METRICS } from '../../src/domain/metrics';
import { getMetric } from '../../src/domain/metrics/catalogue';
import { provinceName } from '../../src/i18n/places';
import { PROVINCE_TILES } from '../../src/ui/common/provinceTiles';
import { launch, newContext, openView, RequestLog, SCREENSHOTS } from './browser';
import { busiestYear, type Data, openData } from './expected';

const baseUrl = inject('baseUrl');
const LANGS = ['zh', 'en'] as const;
const HAN = /[\u4e00-\u9fff]/;

let browser: Browser;
let page: Page;
let data: Data;
let log: RequestLog;

beforeAll(async () => {
  data = await openData();
  browser = await launch();
  log = new RequestLog(new URL(baseUrl).origin);
  page = await (await newContext(browser, log)).newPage();
});

afterAll(async () => {
  await browser?.close();
  data?.close();
});

async function settled(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

const pct = (lang: 'zh' | 'en', v: number) =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(v);

/** Σ(granted + partially granted) / Σ total handled of table 三's total column, over `where`. */
async function disclosure(where: string): Promise<{ num: number; den: number }> {
  const [r] = await data.rows<{ num: number; den: number }>(`
    SELECT sum(c.value) FILTER (WHERE c.row IN ('granted', 'partially_granted'))::DOUBLE AS num,
      sum(c.value) FILTER (WHERE c.row = 'total_handled')::DOUBLE AS den
    FROM cells c JOIN reports r USING (report_id)
    WHERE c."table" = 'table3' AND c.col = 'total' AND ${where}`);
  return r!;
}

async function download(testId: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await dl.path())!, 'utf8');
}

describe('pivot subtotals', () => {
  for (const lang of LANGS) {
    it(`a province's subtotal of a rate is its Σnumerator / Σdenominator, in the grid and the CSV (${lang})`, async () => {
      // The province with the most levels among those whose reports print total handled.
      const [many] = await data.rows<{ province: string }>(`
        SELECT r.province FROM reports r JOIN cells c USING (report_id)
        WHERE r.province IS NOT NULL AND c."table" = 'table3' AND c.row = 'total_handled'
          AND c.col = 'total' AND c.value > 0
        GROUP BY r.province ORDER BY count(DISTINCT r.level) DESC, count(*) DESC, r.province LIMIT 1`);
      const p = many!.province;
      const e = await disclosure(`r.province = '${p}'`);
      await openView(
        page,
        baseUrl,
        `?v=1&view=pivot&prows=province~level&pcols=format&pm=rate.rate.disclosure&lang=${lang}`,
        'pivot',
      );
      await page.locator('[data-testid="pivot-subtotal"]').first().waitFor();
      await settled();
      const subtotal = lang === 'zh' ? '小计' : 'Subtotal';
      const lines = await page
        .locator('[data-testid="pivot-subtotal"]')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l[1]).toBe(subtotal);
      const name = provinceName(lang, p);
      const mine = lines.find((l) => l[0] === name);
      expect(mine).toBeDefined();
      // The grid's total of the province's subtotal line, and the CSV's, are the ratio of sums.
      expect(mine!.at(-1)).toBe(pct(lang, e.num / e.den));
      const csv = (await download('export-csv')).split('\r\n');
      const row = csv.find((l) => l.startsWith(`${name},${subtotal},`));
      expect(row).toBeDefined();
      const v = Number(row!.split(',').at(-1));
      // a ratio, or a percent when the CSV writes rates as percent
      expect(Math.min(Math.abs(v - e.num / e.den), Math.abs(v - (100 * e.num) / e.den))).toBeLessThan(1e-3);
      // each subtotal line follows the rows of its group
      const follows = await page
        .locator('[data-testid="pivot-subtotal"]')
        .evaluateAll((trs) =>
          trs.map(
            (tr) =>
              tr.previousElementSibling?.querySelector('th')?.textContent ===
              tr.querySelector('th')?.textContent,
          ),
        );
      expect(follows.every(Boolean)).toBe(true);
    });
  }

  it('a sum: every province subtotal equals the province total of the one-field pivot', async () => {
    await openView(page, baseUrl, '?v=1&view=pivot&prows=province~year&pcols=format', 'pivot');
    await page.locator('[data-testid="pivot-subtotal"]').first().waitFor();
    await settled();
    const csv = (await download('export-csv')).split('\r\n');
    const subs = new Map(
      csv.filter((l) => l.split(',')[1] === '小计').map((l) => [l.split(',')[0]!, l.split(',').at(-1)!]),
    );
    await openView(page, baseUrl, '?v=1&view=pivot&prows=province&pcols=format', 'pivot');
    await settled();
    const totals = new Map(
      (await download('export-csv'))
        .split('\r\n')
        .map((l) => l.split(','))
        .filter((f) => subs.has(f[0]!))
        .map((f) => [f[0]!, f.at(-1)!]),
    );
    expect(subs.size).toBeGreaterThan(0);
    expect(Object.fromEntries(subs)).toEqual(Object.fromEntries(totals));
  });
});

describe('province tile map', () => {
  for (const lang of LANGS) {
    it(`one square per province, values from the query, missing ones marked, legend and export (${lang})`, async () => {
      const year = await busiestYear(data);
      const withData = await data.rows<{ province: string }>(`
        SELECT DISTINCT province FROM reports WHERE year = ${year} AND province IS NOT NULL`);
      const [top] = await data.rows<{ province: string }>(`
        SELECT province FROM reports WHERE year = ${year} AND province IS NOT NULL
        GROUP BY province ORDER BY count(*) DESC LIMIT 1`);
      // Per report both terms printed, as the map counts them.
      const [e] = await data.rows<{ num: number; den: number }>(`
        WITH x AS (SELECT r.report_id, r.province,
          sum(c.value) FILTER (WHERE c.row IN ('granted', 'partially_granted')) AS num,
          sum(c.value) FILTER (WHERE c.row = 'total_handled') AS den
          FROM reports r JOIN cells c USING (report_id)
          WHERE c."table" = 'table3' AND c.col = 'total' AND r.year = ${year} AND r.province = '${top!.province}'
          GROUP BY ALL)
        SELECT sum(num)::DOUBLE AS num, sum(den)::DOUBLE AS den FROM x WHERE num IS NOT NULL AND den IS NOT NULL`);
      await openView(
        page,
        baseUrl,
        `?v=1&cshow=map&metric=rate.disclosure&year=${year}&table=1&lang=${lang}`,
        'compare',
      );
      await page.getByTestId('province-map').waitFor();
      await settled();
      const tiles = await page.locator('[data-testid="map-tile"]').evaluateAll((gs) =>
        gs.map((g) => ({
          province: g.getAttribute('data-province')!,
          state: g.getAttribute('data-state')!,
          title: g.querySelector('title')?.textContent ?? '',
          name: g.querySelector('text')?.textContent ?? '',
        })),
      );
      expect(tiles).toHaveLength(PROVINCE_TILES.length);
      const has = new Set(withData.map((r) => r.province));
      for (const t of tiles) {
        if (['台湾省', '香港特别行政区', '澳门特别行政区'].includes(t.province))
          expect(t.state).toBe('missing');
        else if (!has.has(t.province)) expect([t.province, t.state]).toEqual([t.province, 'missing']);
        if (lang === 'en') expect(t.name).not.toMatch(HAN);
      }
      const mine = tiles.find((t) => t.province === top!.province)!;
      expect(mine.state).toBe('value');
      expect(mine.title).toContain(pct(lang, e!.num / e!.den));
      const svg = await download('export-svg');
      expect(svg).toContain('data-role="map-legend"');
      expect(svg).toContain(lang === 'zh' ? '无数据' : 'No data');
      expect(svg).toMatch(/data-role="title"/);
      expect(svg).toMatch(/data-role="source"/);
      expect(svg).toMatch(/data-role="note"/);
      await expect.poll(() => new URL(page.url()).searchParams.get('cshow')).toBe('map');
      await page.screenshot({ path: `${SCREENSHOTS}/map-${lang}.png`, fullPage: true });
      // the province filter applies to what is drawn: the other provinces are outlines
      await page.getByTestId('filter-province').selectOption(top!.province);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="map-tile"][data-state="filtered"]').length > 0,
      );
      const states = await page
        .locator('[data-testid="map-tile"]')
        .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-province'), g.getAttribute('data-state')]));
      for (const [p, s] of states) expect(s).toBe(p === top!.province ? 'value' : 'filtered');
    });
  }
});

describe('about this data', () => {
  for (const lang of LANGS) {
    it(`counts come from the loaded data; every metric and check rule is explained (${lang})`, async () => {
      const [n] = await data.rows<{ reports: number; units: number }>(
        'SELECT count(*)::INTEGER AS reports, count(DISTINCT unit_id)::INTEGER AS units FROM reports',
      );
      const [rule] = await data.rows<{ failures: number }>(
        'SELECT count(*)::INTEGER AS failures FROM checks GROUP BY rule ORDER BY 1 DESC LIMIT 1',
      );
      await openView(page, baseUrl, `?v=1&view=about&lang=${lang}`, 'about');
      await page.getByTestId('about-summary').waitFor();
      const fmt = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en');
      const summary = (await page.getByTestId('about-summary').textContent()) ?? '';
      expect(summary).toContain(fmt.format(n!.reports));
      expect(summary).toContain(fmt.format(n!.units));
      const text = (await page.getByTestId('chart-about').textContent()) ?? '';
      for (const m of METRICS) expect(text).toContain(m.label[lang]);
      expect(text).toContain(fmt.format(rule!.failures));
      expect(text).toContain(lang === 'zh' ? '国办公开办函〔2021〕30号' : '2021 format');
      if (lang === 'en') expect(text).not.toMatch(/表[二三四]/);
      await page.screenshot({ path: `${SCREENSHOTS}/about-${lang}.png`, fullPage: true });
    });
  }
});

describe('compare: highlight one unit, sort by value', () => {
  for (const lang of LANGS) {
    it(`a click on a unit's name highlights its bar and dims the rest; the choice is in the URL (${lang})`, async () => {
      await openView(page, baseUrl, `?v=1&table=1&lang=${lang}`, 'compare');
      const labels = page.getByTestId('compare-axis-label');
      await labels.first().waitFor();
      await settled();
      const second = labels.nth(1);
      const unit = await second.getAttribute('data-unit');
      await second.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('hl')).toBe(unit);
      const opacities = await page
        .locator('[data-testid="chart-compare"] .recharts-bar-rectangle path')
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('fill-opacity')));
      expect(opacities.filter((o) => o === '1')).toHaveLength(1);
      expect(opacities[1]).toBe('1');
      expect(opacities.filter((o) => o !== '1').length).toBe(opacities.length - 1);
      // the search (select) picks another; the same name again clears it
      const third = await labels.nth(2).getAttribute('data-unit');
      await page.getByTestId('compare-highlight').selectOption(third!);
      await expect.poll(() => new URL(page.url()).searchParams.get('hl')).toBe(third);
      await labels.nth(2).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('hl')).toBeNull();
    });

    it(`bars and table sort by value either way, in the URL (${lang})`, async () => {
      await openView(page, baseUrl, `?v=1&table=1&lang=${lang}`, 'compare');
      await page.getByTestId('compare-axis-label').first().waitFor();
      await settled();
      const values = async () =>
        (
          await page.locator('[data-testid="chart-compare"] table tbody tr td:nth-child(4)').allTextContents()
        ).map((s) => Number(s.replace(/[^\d.]/g, '')));
      const desc = await values();
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      await page.getByTestId('compare-sort').selectOption('value.asc');
      await expect.poll(() => new URL(page.url()).searchParams.get('csort')).toBe('value.asc');
      await expect.poll(values).toEqual([...desc].sort((a, b) => a - b));
      // the table's own header sorts too
      await page.getByTestId('sort-value').click();
      await expect.poll(values).toEqual([...desc].sort((a, b) => b - a));
    });
  }

  it("a click on a bar after a metric switch opens that bar's report at the new metric's cell", async () => {
    await openView(page, baseUrl, '?v=1&table=1&lang=zh&metric=rate.disclosure', 'compare');
    await page.getByTestId('compare-axis-label').first().waitFor();
    await settled();
    const metric = getMetric('rate.review_correction');
    const term = metric.numerator[0]!;
    await page.getByTestId('metric-select').selectOption(metric.id);
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe(metric.id);
    await settled();
    await page.locator('[data-testid="chart-compare"] .recharts-bar-rectangle path').nth(1).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('report');
    const url = new URL(page.url());
    expect(url.searchParams.get('cell')).toBe(`${term.table}.${term.row}.${term.col}`);
    const report = url.searchParams.get('report');
    expect(report).not.toBeNull();
    // The same row of the table (bars and table share the order) opens the same report.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).not.toBe('report');
    await page.getByTestId('compare-figure').nth(1).waitFor();
    await settled();
    await page.getByTestId('compare-figure').nth(1).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('report')).toBe(report);
  });

  it('no request left the origin', () => {
    expect(log.offOrigin()).toEqual([]);
  });
});
