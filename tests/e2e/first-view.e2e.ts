/**
 * A first visit draws the default view from the answers the dataset ships (derived/first-view.json,
 * src/db/first-view.ts) while DuckDB starts, and only for the very files they were computed from.
 * DuckDB's wasm is held back, so any figure drawn before it is released did not come from the
 * engine; each page is a fresh context (nothing kept from an earlier visit).
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256Hex } from '../../src/util/sha256';
import { launch, pageWithDuckdbHeld } from './browser';
import { type Data, openData } from './expected';

const baseUrl = inject('baseUrl');
/** The bundled dataset with its derived/ folder, checks.parquet written again (same rows, other bytes). */
const OTHER = 'e2e-first-view-other/';

let browser: Browser;
let data: Data;
let expected: string[];
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

beforeAll(async () => {
  data = await openData();
  // The default view: new requests (table 三) of the latest year, the 20 largest.
  const [latest] = await data.rows<{ year: number }>('SELECT max(year) AS year FROM reports');
  const year = Number(latest?.year);
  const top = await data.rows<{ value: number }>(`
    SELECT c.value FROM reports r JOIN cells c USING (report_id)
    WHERE c."table" = 'table3' AND c.row = 'new_received' AND c.col = 'total' AND c.value IS NOT NULL
      AND r.year = ${year}
    ORDER BY c.value DESC LIMIT 20`);
  expected = top.map((r) => fmt.format(r.value)).sort();
  rmSync(`dist/${OTHER}`, { recursive: true, force: true });
  mkdirSync(`dist/${OTHER}`, { recursive: true });
  cpSync('dist/data/', `dist/${OTHER}`, { recursive: true, filter: (f) => !f.includes('synthetic') });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * FROM read_parquet('dist/data/checks.parquet')) TO 'dist/${OTHER}checks.parquet' (FORMAT parquet, COMPRESSION uncompressed)`,
  );
  c.closeSync();
  const hash = (p: string) => sha256Hex(readFileSync(p));
  expect(await hash(`dist/${OTHER}checks.parquet`)).not.toBe(await hash('dist/data/checks.parquet'));
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(`dist/${OTHER}`, { recursive: true, force: true });
  data?.close();
});

const bars = (page: Page) => page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]');

/** A page in a fresh context (nothing kept from an earlier visit) with DuckDB's wasm held back. */
async function withDuckdbHeld(): Promise<{ page: Page; release: () => Promise<void> }> {
  return pageWithDuckdbHeld(
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }),
  );
}

describe('first view from the answers the dataset ships', () => {
  it('draws the default chart before DuckDB starts, says so, and the engine then gives the same figures', async () => {
    const { page, release } = await withDuckdbHeld();
    await page.goto(`${baseUrl}?v=1`);
    await bars(page).first().waitFor({ timeout: 30_000 });
    expect((await bars(page).allTextContents()).sort()).toEqual(expected);
    await expect(page.getByTestId('load-status').textContent()).resolves.toContain('随数据一同发布');
    expect(await page.locator('.loading-panel').count()).toBe(0);
    await release();
    await page.getByTestId('load-status').waitFor({ state: 'detached', timeout: 30_000 });
    expect((await bars(page).allTextContents()).sort()).toEqual(expected);
    await page.context().close();
  });

  it('index.html asks for the default dataset’s files and first-view answers; the loader reuses those responses', async () => {
    const { page, release } = await withDuckdbHeld();
    await page.goto(`${baseUrl}?v=1`);
    await bars(page).first().waitFor({ timeout: 30_000 });
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/data\/(derived\/first-view\.json|\w+\.parquet)$/.test(e.name))
        .map(
          (e) =>
            `${new URL(e.name).pathname.replace(/^.*\/data\//, '')} ${(e as PerformanceResourceTiming).initiatorType}`,
        )
        .sort(),
    );
    // One request each, made by the preload link (scripts/preload.ts), none again by fetch().
    expect(fetched).toEqual(
      [
        'cells.parquet',
        'checks.parquet',
        'derived/first-view.json',
        'regions.parquet',
        'reports.parquet',
      ].map((f) => `${f} link`),
    );
    await release();
    await page.context().close();
  });

  it('another question (another year) waits for the engine', async () => {
    const { page, release } = await withDuckdbHeld();
    await page.goto(`${baseUrl}?v=2&year=2021`);
    await page.getByTestId('load-status').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    expect(await bars(page).count()).toBe(0);
    await release();
    await bars(page).first().waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('files other than those the answers were computed from: nothing is drawn until the engine runs', async () => {
    const { page, release } = await withDuckdbHeld();
    await page.goto(`${baseUrl}?v=1&data=${OTHER}`);
    await page.locator('.loading-panel').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
    expect(await bars(page).count()).toBe(0);
    expect(await page.getByTestId('load-status').count()).toBe(0);
    await release();
    await bars(page).first().waitFor({ timeout: 30_000 });
    expect((await bars(page).allTextContents()).sort()).toEqual(expected);
    await page.context().close();
  });
});
