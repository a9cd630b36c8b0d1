/**
 * Merging units in the browser (issue 13), on the bundled data: two units of one government with
 * reports in different years become one line in Trends holding both years; the merge survives a
 * reload (IndexedDB), a link to the merged unit opens the unit it joined, undo gives two units
 * again; merges that would double a year or join two governments are refused with the reason.
 * The roster saved by an earlier version in localStorage moves to IndexedDB once.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, SCREENSHOTS } from './browser';
import { type Data, openData, unitLabelsOf } from './expected';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let data: Data;
let label: Map<string, string>;
const log = new RequestLog(new URL(baseUrl).origin);

interface Unit {
  unit_id: string;
  unit: string;
  parent: string;
  years: number[];
}
/** Two units of one government whose years do not overlap, each with a figure every year. */
let pair: { from: Unit; into: Unit };
/** A unit of another government. */
let stranger: Unit;
/** A government with departments in the data (for the roster). */
let government: string;

beforeAll(async () => {
  data = await openData();
  label = await unitLabelsOf(data);
  const units = await data.rows<Unit>(`
    WITH v AS (
      SELECT report_id FROM cells
      WHERE "table" = 'table3' AND row = 'new_received' AND col = 'total' AND value IS NOT NULL)
    SELECT unit_id, arg_max(unit, year) AS unit, any_value(parent_unit_id) AS parent,
      list_sort(list(year::INTEGER)) AS years
    FROM reports WHERE parent_unit_id IS NOT NULL
    GROUP BY unit_id HAVING bool_and(report_id IN (SELECT report_id FROM v))
    ORDER BY unit_id`);
  const latest = (u: Unit) => Math.max(...u.years);
  // Into the unit with the latest year: the merged unit keeps its name (and so its label).
  const pairs = units.flatMap((a) =>
    units
      .filter(
        (b) => a.parent === b.parent && latest(a) < latest(b) && !a.years.some((y) => b.years.includes(y)),
      )
      .map((b) => ({ from: a, into: b })),
  );
  pair = pairs[0]!;
  stranger = units.find(
    (u) => u.parent !== pair.from.parent && !u.years.some((y) => pair.into.years.includes(y)),
  )!;
  const [gov] = await data.rows<{ unit_id: string }>(`
    SELECT p.unit_id FROM reports p JOIN reports d ON d.parent_unit_id = p.unit_id
    WHERE p.unit_kind = 'government' AND p.region_code IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  government = gov!.unit_id;
  browser = await launch();
  context = await newContext(browser, log);
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  data?.close();
});

const trendsUrl = (ids: string[]) => `?v=2&view=trends&units=${ids.join('~')}&table=1`;

/** Unit label → years, from the Trends table as shown. */
async function trendsTable(): Promise<Map<string, number[]>> {
  await page.locator('[data-testid="chart-trends"] table tbody tr').first().waitFor();
  const rows = await page
    .locator('[data-testid="chart-trends"] table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
  const out = new Map<string, number[]>();
  for (const [unit, year] of rows) out.set(unit!, [...(out.get(unit!) ?? []), Number(year)]);
  return out;
}

async function openMergePanel(): Promise<void> {
  const panel = page.locator('[data-testid="unit-merges"]');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

describe('merging units in the browser', () => {
  it('the bundled data has two units of one government with years apart', () => {
    expect(pair).toBeDefined();
    expect(stranger).toBeDefined();
  });

  it('merge: one line in Trends with both units’ years; the link now names the unit merged into', async () => {
    await openView(page, baseUrl, trendsUrl([pair.from.unit_id, pair.into.unit_id]), 'trends');
    const before = await trendsTable();
    expect(before.size).toBe(2);
    await openMergePanel();
    await page.locator('[data-testid="merge-from"]').selectOption(pair.from.unit_id);
    await page.locator('[data-testid="merge-into"]').selectOption(pair.into.unit_id);
    await page.locator('[data-testid="merge-go"]').click();
    await page.locator('[data-testid="merge-list"] li').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toContain(pair.from.unit_id);
    expect(page.url()).toContain(`units=${pair.into.unit_id}`);
    await expect
      .poll(async () => [...(await trendsTable())], { timeout: 30_000 })
      .toEqual([[label.get(pair.into.unit_id), [...pair.from.years, ...pair.into.years].sort()]]);
    await page.screenshot({ path: `${SCREENSHOTS}/merge-trends.png` });
  });

  it('after a reload the merge holds, and the old link opens the merged unit', async () => {
    await openView(page, baseUrl, trendsUrl([pair.from.unit_id]), 'trends');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(`units=${pair.into.unit_id}`);
    await expect
      .poll(async () => [...(await trendsTable())], { timeout: 30_000 })
      .toEqual([[label.get(pair.into.unit_id), [...pair.from.years, ...pair.into.years].sort()]]);
    expect(await page.locator('[data-testid="merge-list"] li').count()).toBe(1);
  });

  it('refuses a merge that would double a year or join two governments, saying why', async () => {
    await openView(page, baseUrl, trendsUrl([stranger.unit_id, pair.into.unit_id]), 'trends');
    await openMergePanel();
    await page.locator('[data-testid="merge-from"]').selectOption(stranger.unit_id);
    await page.locator('[data-testid="merge-into"]').selectOption(pair.into.unit_id);
    await page.locator('[data-testid="merge-go"]').click();
    await expect
      .poll(() => page.locator('[data-testid="merge-message"]').textContent())
      .toContain('不能合并');
    const text = await page.locator('[data-testid="merge-message"]').textContent();
    expect(text).toMatch(/属于.*政府/);
    expect(await page.locator('[data-testid="merge-list"] li').count()).toBe(1);
  });

  it('undo: two units again, each with its own years, and it stays undone after a reload', async () => {
    await openView(page, baseUrl, trendsUrl([pair.into.unit_id]), 'trends');
    await openMergePanel();
    await page.locator('[data-testid="merge-undo"]').click();
    await page.locator('[data-testid="merge-list"]').waitFor({ state: 'detached', timeout: 30_000 });
    // Applied: the unit shows its own years alone.
    await expect
      .poll(async () => [...(await trendsTable())], { timeout: 30_000 })
      .toEqual([[label.get(pair.into.unit_id), pair.into.years]]);
    await openView(page, baseUrl, trendsUrl([pair.from.unit_id, pair.into.unit_id]), 'trends');
    await expect
      .poll(async () => [...(await trendsTable())].sort(), { timeout: 30_000 })
      .toEqual(
        [
          [label.get(pair.from.unit_id), pair.from.years],
          [label.get(pair.into.unit_id), pair.into.years],
        ].sort(),
      );
    expect(page.url()).toContain(`units=${pair.from.unit_id}~${pair.into.unit_id}`);
    expect(await page.locator('[data-testid="merge-list"]').count()).toBe(0);
  });

  it('a roster kept in localStorage by an earlier version moves to IndexedDB, once', async () => {
    const gov = government;
    await page.evaluate(
      ([g]) =>
        localStorage.setItem(
          'gov-info-reports.roster',
          JSON.stringify({ government: g, lower: false, text: '公安局\n不是名称!!\n' }),
        ),
      [gov],
    );
    await openView(page, baseUrl, '?v=2&view=quality', 'quality');
    await expect
      .poll(() => page.locator('[data-testid="roster-government"]').inputValue(), { timeout: 30_000 })
      .toBe(gov);
    expect(await page.evaluate(() => localStorage.getItem('gov-info-reports.roster'))).toBeNull();
    await page.reload();
    await page.locator('[data-testid="chart-quality"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="roster-text"]').inputValue(), { timeout: 30_000 })
      .toBe('公安局\n不是名称!!\n');
    expect(await page.locator('[data-testid="roster-problems"] li').count()).toBe(1);
  });

  it('the merges and the roster travel in the annotations file to another browser', async () => {
    await openView(page, baseUrl, trendsUrl([pair.from.unit_id, pair.into.unit_id]), 'trends');
    await openMergePanel();
    await page.locator('[data-testid="merge-from"]').selectOption(pair.from.unit_id);
    await page.locator('[data-testid="merge-into"]').selectOption(pair.into.unit_id);
    await page.locator('[data-testid="merge-go"]').click();
    await page.locator('[data-testid="merge-list"] li').waitFor({ timeout: 30_000 });
    await openView(page, baseUrl, '?v=2&view=quality', 'quality');
    const download = page.waitForEvent('download');
    await page.getByTestId('annotations-export').click();
    const file = await (await download).path();
    const doc = JSON.parse(readFileSync(file!, 'utf8'));
    expect(doc.merges.map((m: { from: string; into: string }) => [m.from, m.into])).toEqual([
      [pair.from.unit_id, pair.into.unit_id],
    ]);
    expect(doc.roster.government).toBe(government);

    const fresh = await newContext(browser, log);
    const p2 = await fresh.newPage();
    await openView(p2, baseUrl, '?v=2&view=quality', 'quality');
    await p2.getByTestId('annotations-import').setInputFiles(file!);
    await p2.getByTestId('annotations-toolbar').getByRole('status').waitFor({ timeout: 30_000 });
    expect(await p2.getByTestId('annotations-toolbar').getByRole('status').textContent()).toContain(
      '合并单位：新增 1 项',
    );
    await p2.locator('[data-testid="merge-list"] li').waitFor();
    await expect
      .poll(() => p2.locator('[data-testid="roster-government"]').inputValue(), { timeout: 30_000 })
      .toBe(government);
    await fresh.close();
  });

  it('asked nothing of any other origin', () => {
    expect(log.offOrigin()).toEqual([]);
  });
});
