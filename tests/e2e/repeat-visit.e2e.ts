/**
 * A repeat visit draws its first chart from answers kept in the browser (src/db/stored.ts), before
 * DuckDB has started, and only for the very same files (issue 12). One persistent browser profile,
 * as a person's browser: the first visit loads as usual and keeps its answers; on later visits
 * DuckDB's wasm is held back, so any figure drawn before it is released came from the store.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256Hex } from '../../src/util/sha256';
import { pageWithDuckdbHeld } from './browser';
import { busiestYear, type Data, openData, table3ByUnit } from './expected';
import { E2E_PLAIN } from './globalSetup';

const baseUrl = inject('baseUrl');
/** The bundled files with checks.parquet written again (same rows, other bytes). */
const MODIFIED = 'e2e-answers-modified/';

let profileDir: string;
let context: BrowserContext;
let data: Data;
let search: string;
let expected: string[];
const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

beforeAll(async () => {
  data = await openData();
  const year = await busiestYear(data);
  const top = (await table3ByUnit(data, 'new_received', year)).slice(0, 6);
  expected = top.map((e) => fmt.format(e.value));
  search = `?v=2&units=${top.map((e) => e.unit_id).join('~')}&year=${year}`;
  rmSync(`dist/${MODIFIED}`, { recursive: true, force: true });
  mkdirSync(`dist/${MODIFIED}`, { recursive: true });
  for (const f of ['reports', 'cells', 'regions'])
    copyFileSync(`dist/data/${f}.parquet`, `dist/${MODIFIED}${f}.parquet`);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * FROM read_parquet('dist/data/checks.parquet')) TO 'dist/${MODIFIED}checks.parquet' (FORMAT parquet, COMPRESSION uncompressed)`,
  );
  c.closeSync();
  const hash = async (p: string) => sha256Hex(readFileSync(p));
  expect(await hash(`dist/${MODIFIED}checks.parquet`)).not.toBe(await hash('dist/data/checks.parquet'));

  profileDir = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
});

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  rmSync(`dist/${MODIFIED}`, { recursive: true, force: true });
  data?.close();
});

const bars = (page: Page) => page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]');

/** Stored answers are written at an idle moment after the first view: wait until they are. */
async function answersKept(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // In their own storage bucket where there are buckets (Chromium), src/db/answers.ts.
    const buckets = (
      navigator as { storageBuckets?: { open(n: string): Promise<{ indexedDB: IDBFactory }> } }
    ).storageBuckets;
    const idb = buckets ? (await buckets.open('answers')).indexedDB : indexedDB;
    const names = (await idb.databases()).map((d) => d.name);
    if (!names.includes('gov-info-reports-answers')) return 0;
    return new Promise<number>((resolve) => {
      const req = idb.open('gov-info-reports-answers');
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('entries')) {
          db.close();
          return resolve(0);
        }
        const count = db.transaction('entries').objectStore('entries').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
      };
      req.onerror = () => resolve(0);
    });
  });
}

describe('repeat visit (answers kept in the browser)', () => {
  it('a first visit draws from the engine and keeps its answers', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${search}`);
    await bars(page).first().waitFor({ timeout: 30_000 });
    expect(await bars(page).allTextContents()).toEqual(expected);
    await expect.poll(() => answersKept(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('the next visit draws the same figures before DuckDB starts, then the engine takes over', async () => {
    const { page, release } = await pageWithDuckdbHeld(context);
    await page.goto(`${baseUrl}${search}`);
    await bars(page).first().waitFor({ timeout: 30_000 });
    expect(await bars(page).allTextContents()).toEqual(expected);
    // Drawn from the store: the engine cannot have started, and the page says it is starting.
    await page.getByTestId('load-status').waitFor();
    expect(await page.locator('.loading-panel').count()).toBe(0);
    expect(await page.locator('[data-testid="chart-compare"] [aria-busy="true"]').count()).toBe(0);
    await release();
    await page.getByTestId('load-status').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await bars(page).allTextContents()).toEqual(expected);
    await page.close();
  });

  it('the same files under another folder are the same data: their answers are used too', async () => {
    const { page, release } = await pageWithDuckdbHeld(context);
    await page.goto(`${baseUrl}${search}&data=${E2E_PLAIN}`);
    await bars(page).first().waitFor({ timeout: 30_000 });
    expect(await bars(page).allTextContents()).toEqual(expected);
    await release();
    await page.close();
  });

  it('a changed file is other data: no stored answer is used, the engine answers', async () => {
    const { page, release } = await pageWithDuckdbHeld(context);
    await page.goto(`${baseUrl}${search}&data=${MODIFIED}`);
    await page.locator('.loading-panel').waitFor();
    await page.waitForTimeout(3000);
    expect(await bars(page).count()).toBe(0);
    expect(await page.locator('.loading-panel').count()).toBe(1);
    await release();
    await bars(page).first().waitFor({ timeout: 30_000 });
    expect(await bars(page).allTextContents()).toEqual(expected);
    await page.close();
  });
});
