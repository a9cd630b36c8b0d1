/**
 * Pivot, Quality and (with units chosen) Trends, Outcomes and Report open with answers asked in
 * the background (src/app/ViewPrefetch.tsx), and so does the year next to Compare's: while
 * Compare is shown, those questions run at quiet moments, so opening the view (or stepping the
 * year) asks DuckDB nothing and draws at once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, openView, RequestLog, statementsSince } from './browser';
import { type Data, openData } from './expected';

const baseUrl = inject('baseUrl');

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

/** How many statements run since `t0` (page time) contain `marker`. */
const statements = async (t0: number, marker: string) =>
  (await statementsSince(page, t0)).filter((d) => d.sql.includes(marker)).length;

// The coverage grid's statement (src/sql/quality.ts) and the pivot's (src/sql/pivot.ts).
const COVERAGE = 'string_agg(u."record"';
const PIVOT = 'AS "r0"';
// The grid of one rule's failures counts them first (src/sql/quality.ts).
const RULE_GRID = 'WITH f AS';
// The trend statement (src/sql/trends.ts) orders each unit's line.
const TREND = 'PARTITION BY unit_id';
// Compare's statement (src/sql/compare.ts).
const COMPARE = '"check_failures"::DOUBLE AS "checkFailures"';
// Outcomes' statement (src/sql/outcomes.ts) and the report's row (src/sql/report.ts).
const OUTCOMES = 'AS name, any_value(';
const REPORT = 'failedChecks';

/**
 * How many statements run since `t0` repeat the first one containing `marker` (same text, same
 * values). A view's pickers' neighbours are asked once it shows: other layouts that share markers.
 */
async function repeats(t0: number, marker: string): Promise<number> {
  const [first] = (await statementsSince(page, 0)).filter((d) => d.sql.includes(marker));
  if (!first) throw new Error(`no statement containing ${marker} was asked`);
  const key = (d: { sql: string; params: unknown[] }) => d.sql + JSON.stringify(d.params);
  return (await statementsSince(page, t0)).filter((d) => key(d) === key(first)).length;
}

/** Compare drawn with the two units reported in the most years chosen (from the URL). */
async function compareWithTwoUnits(): Promise<void> {
  const two = await data.rows<{ unit: string }>(`
    SELECT unit FROM reports GROUP BY unit ORDER BY count(DISTINCT year) DESC, unit LIMIT 2`);
  const units = two.map((r) => encodeURIComponent(r.unit)).join('~');
  await openView(page, baseUrl, `?v=1&units=${units}`, 'compare');
  await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
}

describe('views opened after Compare', () => {
  it('Quality and Pivot find their first answers asked in the background', async () => {
    await openView(page, baseUrl, '?v=1', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    // Asked at quiet moments after the first chart (behind the late build and the anomaly flags).
    await expect.poll(() => statements(0, COVERAGE), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => statements(0, PIVOT), { timeout: 30_000 }).toBe(1);

    const t0 = await page.evaluate(() => performance.now());
    await page.locator('.tab[data-view="quality"]').click();
    await page.getByTestId('coverage-matrix').waitFor();
    await page.locator('.tab[data-view="pivot"]').click();
    await page.getByTestId('pivot-grid').waitFor();
    // The grid of all rules; the first rule's (asked ahead once Quality shows) is another question.
    const allRules = (await statementsSince(page, t0)).filter(
      (d) => d.sql.includes(COVERAGE) && !d.sql.includes(RULE_GRID),
    );
    expect(allRules.length).toBe(0);
    // Once the pivot shows, its pickers' neighbours are asked ahead (other layouts, so other
    // statements); the layout shown is the one asked before t0, and it is not asked again.
    expect(await repeats(t0, PIVOT)).toBe(0);
    // The answers are the views' own: the grid and the pivot show figures, not a placeholder.
    expect(await page.locator('[data-testid="pivot-grid"] [aria-busy="true"]').count()).toBe(0);
  });

  it('Trends of the units chosen in Compare is asked before it is opened', async () => {
    await compareWithTwoUnits();
    await expect.poll(() => statements(0, TREND), { timeout: 30_000 }).toBe(1);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('.tab[data-view="trends"]').click();
    await page.locator('[data-testid="chart-trends"] .trend-line').first().waitFor({ state: 'attached' });
    expect(await statements(t0, TREND)).toBe(0);
    expect(await page.locator('[data-testid="chart-trends"] .trend-line').count()).toBe(2);
  });

  it('Outcomes and Report of the units chosen in Compare are asked before they are opened', async () => {
    await compareWithTwoUnits();
    await expect.poll(() => statements(0, OUTCOMES), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => statements(0, REPORT), { timeout: 30_000 }).toBe(1);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('.tab[data-view="outcomes"]').click();
    await page.locator('[data-testid="chart-outcomes"] .recharts-wrapper').waitFor();
    await page.locator('.tab[data-view="report"]').click();
    await page.getByTestId('report-body').waitFor();
    expect(await statements(t0, OUTCOMES)).toBe(0);
    expect(await statements(t0, REPORT)).toBe(0);
  });

  it("Compare's neighbouring year is asked before the year picker steps to it", async () => {
    const years = (
      await data.rows<{ year: number }>('SELECT DISTINCT year::INTEGER AS year FROM reports ORDER BY year')
    ).map((r) => r.year);
    const [before, latest] = years.slice(-2);
    await openView(page, baseUrl, '?v=1', 'compare');
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    const asked = async (t0: number, year: number) =>
      (await statementsSince(page, t0)).filter((d) => d.sql.includes(COMPARE) && d.params.includes(year))
        .length;
    await expect.poll(() => asked(0, before!), { timeout: 30_000 }).toBe(1);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('year-select').selectOption(String(before));
    await expect.poll(() => page.locator('#compare-title').textContent()).toContain(String(before));
    await page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]').first().waitFor();
    expect(await asked(t0, before!)).toBe(0);
    expect(latest).toBeGreaterThan(before!);
  });

  it("Quality's next rule is asked before the rule picker steps to it", async () => {
    await openView(page, baseUrl, '?v=1&view=quality', 'quality');
    await page.getByTestId('coverage-matrix').waitFor();
    const picker = page.getByTestId('quality-rule');
    // The picker lists all rules, then each rule, most failures first.
    const first = await picker.locator('option').nth(1).getAttribute('value');
    expect(first).toBeTruthy();
    // That rule's grid, bound to it.
    const asked = async (t0: number) =>
      (await statementsSince(page, t0)).filter(
        (d) => d.sql.includes(RULE_GRID) && d.sql.includes(COVERAGE) && d.params.includes(first!),
      ).length;
    await expect.poll(() => asked(0), { timeout: 30_000 }).toBe(1);
    const t0 = await page.evaluate(() => performance.now());
    await picker.selectOption(first!);
    await expect.poll(() => page.url()).toContain('qrule=');
    await page.getByTestId('coverage-matrix').waitFor();
    expect(await asked(t0)).toBe(0);
  });

  it("Pivot's next row dimension is asked before the row picker steps to it", async () => {
    await openView(page, baseUrl, '?v=1&view=pivot', 'pivot');
    await page.getByTestId('pivot-grid').waitFor();
    const picker = page.getByTestId('pivot-rows-0');
    const values = await picker
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // By province (the default), the next in the picker is by prefecture.
    const next = values[values.indexOf(await picker.inputValue()) + 1];
    expect(next).toBe('prefecture');
    const asked = async (t0: number) =>
      (await statementsSince(page, t0)).filter(
        (d) => d.sql.includes(PIVOT) && d.sql.includes('coalesce("k_prefecture"'),
      ).length;
    await expect.poll(() => asked(0), { timeout: 30_000 }).toBe(1);
    const t0 = await page.evaluate(() => performance.now());
    await picker.selectOption('prefecture');
    await expect.poll(() => page.url()).toContain('prefecture');
    await page.getByTestId('pivot-grid').waitFor();
    // By prefecture, the column picker's neighbours are asked next; they keep its rows.
    expect(await repeats(t0, 'coalesce("k_prefecture"')).toBe(0);
  });
});
