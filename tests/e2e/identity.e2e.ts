/**
 * Issue 13 in the browser, on the synthetic dataset: same-named county-level units (鼓楼区 of 南京,
 * 徐州 and 福州; 朝阳区 of 北京 and 长春; 城关区 of 拉萨 and 兰州) are separate units in search,
 * Compare, Trends, Report and Pivot, each labelled apart and each with its own figures, checked
 * against the Parquet files read independently.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, SCREENSHOTS } from './browser';
import { type Data, openData, unitLabelsOf } from './expected';
import { E2E_SYNTHETIC } from './globalSetup';

const baseUrl = inject('baseUrl');
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const YEAR = 2022;
const NAMES = ['鼓楼区人民政府', '朝阳区人民政府', '城关区人民政府'];

let browser: Browser;
let page: Page;
let data: Data;
let label: Map<string, string>;
/** unit_id → its new_received and total_handled by year, from the Parquet files. */
let figures: Map<string, Map<number, { received: number | null; handled: number | null }>>;
let twins: { unit: string; ids: string[] }[];
const log = new RequestLog(new URL(baseUrl).origin);
const data$ = `data=${E2E_SYNTHETIC}`;

beforeAll(async () => {
  data = await openData(`dist/${E2E_SYNTHETIC.replace(/\/$/, '')}`);
  label = await unitLabelsOf(data);
  const rows = await data.rows<{
    unit_id: string;
    unit: string;
    year: number;
    row: string;
    value: number | null;
  }>(`
    SELECT r.unit_id, r.unit, r.year, c.row, c.value FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.col = 'total' AND c.row IN ('new_received', 'total_handled')
      AND r.unit IN (${NAMES.map((n) => `'${n}'`).join(', ')})`);
  figures = new Map();
  for (const r of rows) {
    const byYear = figures.get(r.unit_id) ?? new Map();
    const f = byYear.get(Number(r.year)) ?? { received: null, handled: null };
    if (r.row === 'new_received') f.received = r.value === null ? null : Number(r.value);
    else f.handled = r.value === null ? null : Number(r.value);
    byYear.set(Number(r.year), f);
    figures.set(r.unit_id, byYear);
  }
  twins = await data.rows<{ unit: string; ids: string[] }>(`
    SELECT unit, list_sort(list(DISTINCT unit_id)) AS ids FROM reports
    WHERE unit IN (${NAMES.map((n) => `'${n}'`).join(', ')}) GROUP BY unit ORDER BY unit`);
  browser = await launch();
  page = await (await newContext(browser, log)).newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  data?.close();
});

const allIds = () => twins.flatMap((t) => t.ids);
const tableRows = (view: string) =>
  page
    .locator(`[data-testid="chart-${view}"] table tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );

describe('same-named units on the synthetic dataset', () => {
  it('the dataset holds them as separate units, labelled apart', () => {
    expect(twins.map((t) => [t.unit, t.ids.length])).toEqual([
      ['城关区人民政府', 2],
      ['朝阳区人民政府', 2],
      ['鼓楼区人民政府', 3],
    ]);
    const labels = allIds().map((id) => label.get(id));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('鼓楼区 · 南京市');
    expect(labels).toContain('鼓楼区 · 福州市');
    expect(labels).toContain('朝阳区 · 北京市');
  });

  it('search: 鼓楼区 gives each 鼓楼区, saying which government it belongs to', async () => {
    await openView(page, baseUrl, `?v=2&${data$}`, 'compare');
    await page.getByTestId('unit-search').fill('鼓楼区');
    const hits = page.locator('.hit-add[data-unit-id]');
    await expect.poll(() => hits.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    // Hits still being answered (the previous question's, shown busy) are not the search's.
    await page.locator('ul.hits[aria-busy="true"]').waitFor({ state: 'detached', timeout: 30_000 });
    const found = await hits.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-unit-id'), e.querySelector('strong')?.textContent, e.textContent]),
    );
    const gulou = twins.find((t) => t.unit === '鼓楼区人民政府')!.ids;
    for (const id of gulou) {
      const hit = found.find((f) => f[0] === id);
      expect(hit?.[1]).toBe(label.get(id));
    }
    expect(found.find((f) => f[0] === gulou[0])?.[2]).toContain('属于');
    // The dataset ships its unit index (derived/late.json): adopted, its search keys not
    // computed in the page.
    const stages = await page.evaluate(() =>
      performance.getEntriesByName('db:stage').map((e) => String((e as PerformanceMeasure).detail?.stage)),
    );
    expect(stages).toContain('derived (late): shipped tables');
    expect(stages).not.toContain('derived (late): unit pinyin');
    // Arrow keys and Enter pick a result; Esc closes the list.
    await page.getByTestId('unit-search').press('ArrowDown');
    await page.getByTestId('unit-search').press('Enter');
    await expect.poll(() => page.locator('.chip').count()).toBe(1);
    await page.getByTestId('unit-search').press('Escape');
    await expect.poll(() => page.locator('.hits').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/identity-search.png`, fullPage: true });
  });

  it('compare: one bar per unit, each with its own figure', async () => {
    await openView(
      page,
      baseUrl,
      `?v=2&${data$}&units=${allIds().join('~')}&year=${YEAR}&metric=t3.new_received&table=1`,
      'compare',
    );
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    const rows = await tableRows('compare');
    expect(rows).toHaveLength(allIds().length);
    for (const id of allIds()) {
      const row = rows.find((r) => r[0] === label.get(id));
      expect([label.get(id), row?.[3]]).toEqual([
        label.get(id),
        fmt.format(figures.get(id)!.get(YEAR)!.received!),
      ]);
    }
    // The chart names every bar apart (recharts may break a tick label into lines at its spaces).
    const svg = (await page.locator('[data-testid="chart-compare"] svg').first().textContent()) ?? '';
    for (const id of allIds()) expect(svg.replace(/\s/g, '')).toContain(label.get(id)!.replace(/\s/g, ''));
    await page.screenshot({ path: `${SCREENSHOTS}/identity-compare.png`, fullPage: true });
  });

  it('trends: one line per unit, each series its own', async () => {
    const gulou = twins.find((t) => t.unit === '鼓楼区人民政府')!.ids;
    await openView(
      page,
      baseUrl,
      `?v=2&${data$}&view=trends&units=${gulou.join('~')}&metric=t3.new_received&table=1`,
      'trends',
    );
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor();
    expect(await page.locator('[data-testid="chart-trends"] .trend-line').count()).toBe(gulou.length);
    const rows = await tableRows('trends');
    for (const id of gulou) {
      const mine = rows.filter((r) => r[0] === label.get(id)).map((r) => [Number(r[1]), r[3]]);
      const want = [...figures.get(id)!.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([y, f]) => [y, f.received === null ? '—' : fmt.format(f.received)]);
      expect(mine).toEqual(want);
    }
    const legend = await page.locator('[data-testid="trends-legend"] .series-name').allTextContents();
    expect(legend.sort()).toEqual(gulou.map((id) => label.get(id)).sort());
  });

  it('report: each 朝阳区 opens its own report', async () => {
    const chaoyang = twins.find((t) => t.unit === '朝阳区人民政府')!.ids;
    const seen = new Set<string>();
    for (const id of chaoyang) {
      await openView(page, baseUrl, `?v=2&${data$}&view=report&units=${id}&year=${YEAR}`, 'report');
      await page.locator('[data-testid="report-body"]').waitFor();
      await expect(page.locator('.chart-title').textContent()).resolves.toContain(label.get(id)!);
      const value = await page.locator('[data-cell="table3.new_received.total"] .cell-value').textContent();
      expect(value).toBe(fmt.format(figures.get(id)!.get(YEAR)!.received!));
      seen.add((await page.locator('.report-meta').textContent()) ?? '');
    }
    expect(seen.size).toBe(chaoyang.length);
  });

  it('pivot: one row per unit, labelled apart, with its own sums', async () => {
    const ids = allIds();
    await openView(
      page,
      baseUrl,
      `?v=2&${data$}&view=pivot&prows=unit&pcols=year&pf=unit:${ids.join(',')}`,
      'pivot',
    );
    const grid = page.locator('[data-testid="pivot-grid"]');
    await grid.waitFor();
    const rows = await grid
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
      );
    const headers = await grid.locator('thead th').allTextContents();
    const col = headers.indexOf(String(YEAR));
    const byLabel = new Map(rows.filter((r) => r.length > 1).map((r) => [r[0], r]));
    expect(byLabel.size).toBe(ids.length);
    for (const id of ids) {
      const handled = figures.get(id)!.get(YEAR)!.handled;
      expect([label.get(id), byLabel.get(label.get(id)!)?.[col]]).toEqual([
        label.get(id),
        handled === null ? '—' : fmt.format(handled),
      ]);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/identity-pivot.png`, fullPage: true });
  });

  it('a government compares its own departments in one click', async () => {
    await openView(page, baseUrl, `?v=2&${data$}&metric=t3.new_received`, 'compare');
    await page.getByTestId('unit-search').fill('南京市');
    const hit = page.locator('.hit', { hasText: '南京市' }).first();
    await hit.waitFor();
    await hit.getByTestId('compare-children').click();
    await expect.poll(() => page.locator('.chip').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const chips = await page.locator('.chip').allTextContents();
    expect(chips.some((c) => c.startsWith('公安局 · 南京市'))).toBe(true);
  });

  it('coverage against a roster: expected but absent apart from not collected; bad lines named', async () => {
    await openView(page, baseUrl, '?v=2&view=quality', 'quality');
    await page.locator('[data-testid="coverage-matrix"]').waitFor();
    const roster = page.getByTestId('roster');
    await roster.locator('summary').click();
    const pingtan = page
      .locator('[data-testid="roster-government"] option', { hasText: '平潭综合实验区' })
      .first();
    await page.selectOption('[data-testid="roster-government"]', (await pingtan.getAttribute('value'))!);
    // A department in the data, one not in it, and a line that is no name.
    await page.getByTestId('roster-text').fill('平潭综合实验区公安局\n平潭综合实验区教育局\n12345\n');
    await expect.poll(() => page.getByTestId('roster-summary').textContent()).toContain('2 个单位');
    await expect(page.getByTestId('roster-problems').textContent()).resolves.toContain('第 3 行');
    await expect
      .poll(() => page.locator('[data-testid="coverage-matrix"] td[data-status="absent"]').count())
      .toBeGreaterThan(6);
    expect(
      await page.locator('[data-testid="coverage-matrix"] td[data-status="missing"]').count(),
    ).toBeGreaterThan(0);
    const row = page.locator('[data-testid="coverage-matrix"] tr', { hasText: '平潭综合实验区教育局' });
    expect(await row.locator('td[data-status="absent"]').count()).toBe(7);
    await page.screenshot({ path: `${SCREENSHOTS}/identity-roster.png`, fullPage: true });
  });
});
