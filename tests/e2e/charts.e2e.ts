/**
 * Charts an analyst can publish (issue 15): filters that filter and live in the URL, the Report
 * view opening a year the unit has, missing years drawn as gaps, exports that carry their legend.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, SCREENSHOTS, statementsSince } from './browser';
import { busiestYear, type Data, openData, table3ByUnit, unitLabelsOf } from './expected';

const baseUrl = inject('baseUrl');
const enc = (names: string[]) => names.map(encodeURIComponent).join('~');

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

/** Units in the compare table, in order (the chart draws the same rows). */
const tableUnits = () =>
  page.locator('[data-testid="chart-compare"] table tbody tr td:first-child').allTextContents();

async function settled(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

describe('charts an analyst can publish', () => {
  it('对比: 省份 + 级别 filters change the bars and live in the URL', async () => {
    const year = await busiestYear(data);
    const [pick] = await data.rows<{ province: string; level: string }>(`
      SELECT province, level FROM reports WHERE year = ${year} AND province IS NOT NULL AND level IS NOT NULL
      GROUP BY ALL ORDER BY count(DISTINCT unit) DESC, province LIMIT 1`);
    expect(pick).toBeDefined();
    // The table names units by their labels (src/domain/units/labels.ts), one row per unit_id.
    const labels = await unitLabelsOf(data);
    const expected = (
      await data.rows<{ unit_id: string }>(`
      SELECT DISTINCT unit_id FROM reports WHERE year = ${year} AND province = '${pick!.province}' AND level = '${pick!.level}'`)
    ).map((r) => labels.get(r.unit_id)!);
    await openView(page, baseUrl, `?v=1&year=${year}&table=1`, 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    const before = await tableUnits();
    await page.getByTestId('filter-province').selectOption(pick!.province);
    await page.getByTestId('filter-level').selectOption(pick!.level);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="chart-compare"] table tbody tr').length === n,
      expected.length,
    );
    await settled();
    const after = await tableUnits();
    expect(after.sort()).toEqual([...expected].sort());
    expect(after.length).toBeLessThan(before.length);
    await expect.poll(() => new URL(page.url()).searchParams.has('level')).toBe(true);
    const url = new URL(page.url());
    expect([url.searchParams.get('prov'), url.searchParams.get('level')]).toEqual([
      pick!.province,
      pick!.level,
    ]);
    // the link alone reproduces the filtered chart
    await openView(page, baseUrl, url.search, 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    await settled();
    expect((await tableUnits()).sort()).toEqual([...expected].sort());
    await expect(page.getByTestId('filter-province').inputValue()).resolves.toBe(pick!.province);
  });

  it('年报: without a year, or from a year the unit lacks, opens the unit’s latest year', async () => {
    const [u] = await data.rows<{ unit: string; unit_id: string; latest: number }>(`
      SELECT unit, any_value(unit_id) AS unit_id, max(year)::INTEGER AS latest FROM reports GROUP BY unit
      HAVING max(year) < (SELECT max(year) FROM reports) ORDER BY count(*) DESC, unit LIMIT 1`);
    expect(u).toBeDefined();
    const [max] = await data.rows<{ y: number }>('SELECT max(year)::INTEGER AS y FROM reports');
    for (const search of [
      `?v=1&view=report&units=${enc([u!.unit])}`,
      `?v=1&view=report&units=${enc([u!.unit])}&year=${max!.y}`,
    ]) {
      await openView(page, baseUrl, search, 'report');
      await page.locator('[data-testid="report-body"]').waitFor();
      const label = (await unitLabelsOf(data)).get(u!.unit_id);
      await expect(page.locator('#report-title').textContent()).resolves.toContain(`${label} · ${u!.latest}`);
    }
  });

  it('趋势: a year the unit did not report is a gap with a marker, not a straight line', async () => {
    const [g] = await data.rows<{ unit: string; unit_id: string; missing: number }>(`
      WITH y AS (SELECT unit, year FROM reports GROUP BY ALL),
      span AS (SELECT unit, min(year) AS lo, max(year) AS hi FROM y GROUP BY unit)
      SELECT s.unit, (SELECT any_value(unit_id) FROM reports WHERE unit = s.unit) AS unit_id,
        r.range::INTEGER AS missing FROM span s, range(s.lo, s.hi) r
      WHERE NOT EXISTS (SELECT 1 FROM y WHERE y.unit = s.unit AND y.year = r.range) ORDER BY 1, 2 LIMIT 1`);
    expect(g, 'the bundled data has a unit with a missing year (平潭 2023)').toBeDefined();
    await openView(
      page,
      baseUrl,
      `?v=1&view=trends&units=${enc([g!.unit])}&metric=t3.new_received`,
      'trends',
    );
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor({ state: 'attached' });
    await settled();
    await page.locator('[data-testid="chart-trends"] .gap-marker').first().waitFor({ state: 'attached' });
    const d =
      (await page.locator('[data-testid="chart-trends"] .trend-line').first().getAttribute('d')) ?? '';
    // a broken line is two sub-paths: two move-to commands
    expect(d.match(/M/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const ticks = await page
      .locator('[data-testid="chart-trends"] svg.recharts-surface text')
      .allTextContents();
    expect(ticks).toContain(String(g!.missing));
    await expect(
      page.locator('[data-testid="chart-trends"] .chart-note').first().textContent(),
    ).resolves.toContain(`${(await unitLabelsOf(data)).get(g!.unit_id)} ${g!.missing}`);
    // 对数 is off in YoY mode
    await page.getByRole('button', { name: /同比/ }).click();
    expect(await page.getByRole('button', { name: '对数' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/trends-gap.png`, fullPage: true });
  });

  it('趋势 with no unit chosen: a metric switch asks the trend only for the new top units', async () => {
    await openView(page, baseUrl, '?v=1&view=trends&metric=t3.new_received', 'trends');
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor({ state: 'attached' });
    await settled();
    // The trend statement's bound unit ids (its WHERE lists them), for each one asked since `since`.
    const trendUnits = async (since: number) =>
      (await statementsSince(page, since))
        .filter((d) => d.sql.includes('PARTITION BY unit_id'))
        .map((d) =>
          JSON.stringify(
            [...new Set(d.params.filter((p) => typeof p === 'string' && /^[0-9a-f]{16}$/.test(p)))].sort(),
          ),
        );
    const before = await trendUnits(0);
    expect(before.length).toBeGreaterThan(0);
    const since = await page.evaluate(() => performance.now());
    await page.getByTestId('metric-select').selectOption('rate.review_correction');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('metric') === 'rate.review_correction',
    );
    await settled();
    const after = await trendUnits(since);
    // The two metrics have different top units in the bundled data, so the old ones would show.
    expect(after.at(-1)).not.toBe(before.at(-1));
    expect(after).toEqual([after.at(-1)]);
  });

  it('趋势: the tooltip shows the year under the pointer with each unit’s value', async () => {
    const two = await data.rows<{ unit: string }>(`
      SELECT unit FROM reports GROUP BY unit ORDER BY count(DISTINCT year) DESC, unit LIMIT 2`);
    await openView(page, baseUrl, `?v=1&view=trends&units=${enc(two.map((r) => r.unit))}`, 'trends');
    const chart = page.locator('[data-testid="chart-trends"]');
    await chart.locator('.trend-line').first().waitFor({ state: 'attached' });
    const plot = (await chart.locator('.recharts-cartesian-grid').boundingBox())!;
    await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
    await page.mouse.move(plot.x + plot.width / 2 + 2, plot.y + plot.height / 2);
    // Visible: the lines are plain SVG, so recharts has no payload of its own, and it kept the
    // tooltip hidden (every hover showed nothing).
    const tip = chart.getByTestId('trend-tooltip');
    await tip.waitFor();
    const years = (await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents())
      .filter((t) => /^20\d\d$/.test(t.trim()))
      .map(Number);
    expect(years).toContain(Number(await tip.locator('.trend-tooltip-year').textContent()));
    const lines = await tip.locator('li').count();
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThanOrEqual(two.length);
  });

  it('a PNG and an SVG export of a two-unit trend carry the legend, subtitle, formula and source', async () => {
    const two = await data.rows<{ unit: string }>(`
      SELECT unit FROM reports GROUP BY unit ORDER BY count(DISTINCT year) DESC, unit LIMIT 2`);
    await openView(page, baseUrl, `?v=1&view=trends&units=${enc(two.map((r) => r.unit))}`, 'trends');
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor({ state: 'attached' });
    await settled();
    const [svgDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    const svg = readFileSync((await svgDl.path())!, 'utf8');
    const legend = /<g data-role="legend" transform="translate\(([\d.]+),([\d.]+)\)">(.*?)<\/g>/s.exec(svg);
    expect(legend).not.toBeNull();
    for (const r of two) expect(legend![3]).toContain(`>${r.unit}</text>`);
    expect(svg).toMatch(/data-role="subtitle"/);
    expect(svg).toMatch(/data-role="formula"[^>]*>公式/);
    expect(svg).toMatch(/data-role="source"[^>]*>数据来源/);
    const rects = [
      ...legend![3]!.matchAll(
        /<rect x="([\d.]+)" y="([\d.]+)" width="10" height="10" fill="(#[0-9A-Fa-f]{6})"/g,
      ),
    ];
    expect(rects.length).toBe(2);
    const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;

    const [pngDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    const png = readFileSync((await pngDl.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height at bytes 16–23; the PNG is drawn at twice the SVG's size
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(w) * 2, Number(h) * 2]);
    const points = rects.map((m) => ({
      x: (Number(legend![1]) + Number(m[1]) + 5) * 2,
      y: (Number(legend![2]) + Number(m[2]) + 5) * 2,
      colour: m[3]!.toLowerCase(),
    }));
    const seen = await page.evaluate(
      async ({ b64, points }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return points.map((p) => {
          const [r, g, b] = ctx.getImageData(p.x, p.y, 1, 1).data;
          return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
        });
      },
      { b64: png.toString('base64'), points },
    );
    expect(seen).toEqual(points.map((p) => p.colour));
  });

  it('CSV export starts with the title, conditions, formula and source lines, rates in percent', async () => {
    const year = await busiestYear(data);
    await openView(page, baseUrl, `?v=1&year=${year}&metric=rate.disclosure`, 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    await settled();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await dl.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF标题,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 6).map((l) => l.split(',')[0])).toEqual([
      '\uFEFF标题',
      '条件',
      '公式',
      '来源',
      '数据集',
      '',
    ]);
    expect(lines[6]).toMatch(/（%）/);
    const values = lines
      .slice(7)
      .filter(Boolean)
      .map((l) => Number(l.split(',')[5]))
      .filter((v) => Number.isFinite(v));
    expect(values.length).toBeGreaterThan(0);
    expect(values.some((v) => v > 1)).toBe(true);
  });

  it('办理结果: a sub-category gets an axis that fits it, value labels, value order, its name in the title and a tooltip', async () => {
    const [best] = await data.rows<{ year: number }>(`
      SELECT r.year::INTEGER AS year FROM reports r JOIN cells c USING (report_id)
      WHERE c."table" = 'table3' AND c.row = 'granted' AND c.col = 'total' AND c.value IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`);
    const year = best!.year;
    const some = (await table3ByUnit(data, 'granted', year)).slice(0, 6).map((r) => r.unit);
    expect(some.length).toBeGreaterThan(1);
    await openView(
      page,
      baseUrl,
      `?v=1&view=outcomes&year=${year}&units=${enc(some)}&ogroup=granted&omode=share`,
      'outcomes',
    );
    await page.locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle').first().waitFor();
    await settled();
    await expect(page.locator('#outcomes-title').textContent()).resolves.toContain('予以公开');
    const labels = await page
      .locator('[data-testid="chart-outcomes"] [data-testid="bar-value"]')
      .allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    const values = labels.map((l) => Number(l.replace(/[%,]/g, '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // the axis ends near the largest value, not at 100 % (unless a unit granted everything)
    const ticks = await page
      .locator('[data-testid="chart-outcomes"] svg.recharts-surface text')
      .allTextContents();
    const top = Math.max(...ticks.filter((t) => /^\d+%$/.test(t)).map((t) => Number(t.slice(0, -1))));
    expect(top).toBeLessThanOrEqual(Math.max(values[0]! * 1.5, values[0]! + 20));
    // Hovering a bar shows its unit's breakdown (recharts' tooltip, in stack order).
    const bar = (await page
      .locator('[data-testid="chart-outcomes"] .recharts-bar-rectangle')
      .first()
      .boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.move(bar.x + bar.width / 2 + 2, bar.y + bar.height / 2);
    const tip = page.locator('[data-testid="chart-outcomes"] .recharts-default-tooltip');
    await tip.waitFor();
    expect(await tip.locator('.recharts-tooltip-item').count()).toBeGreaterThan(0);
  });

  it('透视: totals agree whatever the row field, or the measure names what it sums; no unit is dropped', async () => {
    const grand = async (rows: string) => {
      await openView(page, baseUrl, `?v=1&view=pivot&prows=${rows}&pcols=year`, 'pivot');
      await page.locator('[data-testid="pivot-grid"]').waitFor();
      await settled();
      return {
        total: ((await page.getByTestId('pivot-grand').textContent()) ?? '').replace(/\*$/, ''),
        title: (await page.locator('#pivot-title').textContent()) ?? '',
        rows: await page.locator('[data-testid="pivot-grid"] tbody tr th').allTextContents(),
      };
    };
    const byProvince = await grand('province');
    const byLevel = await grand('level');
    const byRow = await grand('row');
    // the same measure gives the same grand total under any report field
    expect(byLevel.total).toBe(byProvince.total);
    expect(byLevel.title).toBe(byProvince.title);
    // split by table-三 row it adds other cells: then the measure says so
    if (byRow.total !== byProvince.total) expect(byRow.title).not.toBe(byProvince.title);
    expect(byProvince.title).toContain('办理总计');
    expect(byRow.title).toContain('各办理结果');
    // every unit with a report has its row, also those whose table 三 lacks total handled (one row
    // per unit_id: a renamed body declared one unit is one row)
    const [n] = await data.rows<{ n: number }>('SELECT count(DISTINCT unit_id)::INTEGER AS n FROM reports');
    await grand('unit');
    // the grid draws only the rows in view: count the exported rows (after the meta lines and header, before the totals)
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const lines = readFileSync((await dl.path())!, 'utf8')
      .split('\r\n')
      .filter(Boolean);
    const header = lines.findIndex((l) => l.startsWith('单位,'));
    expect(lines.length - header - 2).toBe(n!.n);
    const [lacking] = await data.rows<{ n: number }>(`
      SELECT count(*)::INTEGER AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM cells c
      WHERE c.report_id = r.report_id AND c."table" = 'table3' AND c.row = 'total_handled' AND c.col = 'total' AND c.value IS NOT NULL)`);
    if (lacking!.n > 0)
      expect(await page.locator('[data-testid="pivot-grid"] .pivot-incomplete').count()).toBeGreaterThan(0);
  });

  it('对比: each unit’s latest year draws every unit with a report up to the year, in the URL', async () => {
    const [max] = await data.rows<{ y: number }>('SELECT max(year)::INTEGER AS y FROM reports');
    const [n] = await data.rows<{ n: number }>(
      `SELECT least(count(DISTINCT unit_id), 20)::INTEGER AS n FROM reports WHERE year <= ${max!.y}`,
    );
    await openView(page, baseUrl, '?v=1&table=1', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    await page.getByTestId('latest-each').check();
    await page.waitForFunction(
      (k) => document.querySelectorAll('[data-testid="chart-compare"] table tbody tr').length === k,
      n!.n,
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('ylatest')).toBe('1');
    await expect(page.locator('#compare-title').textContent()).resolves.toContain('各单位最新年度');
  });
});
