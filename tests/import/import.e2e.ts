/**
 * Bring-your-own reports in the production build (headless Chromium): a corpus report dropped
 * as UTF-8 and as a GBK copy gives the same result; an added GBK report shows in Compare and
 * Report with the same figures as the bundled UTF-8 one, survives a reload and is removed
 * again; every bad file class gets a message naming the file while the loaded data stays; no
 * request leaves the origin and the Content-Security-Policy reports no violation.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportId } from '../../src/dataset/report-id';
import { launch, newContext, RequestLog, SCREENSHOTS } from '../e2e/browser';
import { hasCorpus, reportsDir } from '../reliability/corpus';
import { recordCount } from '../reliability/counts';
import { encodeGbk } from '../reliability/gbk';
import { makeBadFiles } from './bad-inputs';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const REPORT = '济源市_2019.txt';
const BUNDLED_UNIT = '济源市人民政府';
/** The GBK copy added to the data gets its own unit name, so it stands next to the bundled one. */
const IMPORTED_UNIT = '济源市导入测试办公室';
const IMPORTED_FILE = '济源市导入测试_2019.txt';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const log = new RequestLog(origin);
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const bad = makeBadFiles({ big: true });

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser, log);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy|CSP violation/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  rmSync(bad.dir, { recursive: true, force: true });
});

async function openCompare(search: string): Promise<void> {
  await page.goto(`${baseUrl}${search}`);
  await page.locator('[data-testid="chart-compare"]').waitFor({ timeout: 30_000 });
}

const results = () => page.locator('[data-testid="import-result"]');

async function waitForResults(n: number): Promise<void> {
  await expect.poll(() => results().count(), { timeout: 60_000 }).toBe(n);
  await expect
    .poll(() => page.locator('[data-testid="import-pending"]').count(), { timeout: 60_000 })
    .toBe(0);
}

async function dismissAll(): Promise<void> {
  while ((await results().count()) > 0) await results().first().getByRole('button', { name: '移除' }).click();
}

/**
 * The compare chart's value labels, once there are `count` of them (any, without a count). After
 * a reload, saved imports come back after the bundled data has drawn its first chart.
 */
async function compareLabels(count?: number): Promise<string[]> {
  const labels = page.locator('[data-testid="chart-compare"] [data-testid="bar-value"]');
  await labels.first().waitFor({ timeout: 30_000 });
  if (count !== undefined)
    await expect.poll(() => labels.count(), { timeout: 30_000, interval: 100 }).toBe(count);
  return labels.allTextContents();
}

describe.skipIf(!hasCorpus)('import in the browser (production build)', () => {
  const utf8 = new Uint8Array(readFileSync(path.join(reportsDir, REPORT)));
  const text = Buffer.from(utf8).toString('utf8');
  const gbk = encodeGbk(text).bytes;
  const renamed = encodeGbk(text.replaceAll(BUNDLED_UNIT, IMPORTED_UNIT)).bytes;

  it('a dropped report and its GBK copy show the same result; the original is already in the data', async () => {
    await openCompare('');
    await page.locator('[data-testid="import-panel"] > summary').click();
    await page.locator('[data-testid="import-input"]').setInputFiles([
      { name: REPORT, mimeType: 'text/plain', buffer: Buffer.from(utf8) },
      { name: `gbk_${REPORT}`, mimeType: 'text/plain', buffer: Buffer.from(gbk) },
    ]);
    await waitForResults(2);
    const [a, b] = [results().nth(0), results().nth(1)];
    expect(await a.getAttribute('data-ok')).toBe('true');
    expect(await b.getAttribute('data-ok')).toBe('true');
    const head = async (r: typeof a) =>
      ((await r.locator('.import-result-head').textContent()) ?? '').replace(/^\S+/, '').trim();
    expect(await head(b)).toEqual(await head(a));
    expect(await head(a)).toContain(`${BUNDLED_UNIT} · 2019 · 2019`);
    expect(await a.locator('details.import-checks').textContent()).toEqual(
      await b.locator('details.import-checks').textContent(),
    );
    await expect.poll(() => a.textContent()).toMatch(/已在数据中/);
    expect(await a.locator('[data-testid="import-add"]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/import-results.png`, fullPage: true });
  }, 120_000);

  it('every bad file class gets a message naming the file, and the loaded data stays', async () => {
    await dismissAll();
    const files = bad.files.filter((f) => f.name !== 'huge.txt');
    await page.locator('[data-testid="import-input"]').setInputFiles(
      files.map((f) => ({
        name: f.name,
        mimeType: 'application/octet-stream',
        buffer: readFileSync(f.path),
      })),
    );
    // The 100 MB file goes by path: the page sees its size and refuses it without reading it.
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles(bad.files.find((f) => f.name === 'huge.txt')!.path);
    await waitForResults(files.length + 1);
    let passed = 0;
    for (const f of bad.files) {
      const row = page.locator(`[data-testid="import-result"][data-file="${f.name}"]`);
      const body = ((await row.textContent()) ?? '').toLowerCase();
      // The failed check is named in the UI language (表格不完整), its rule id in a title.
      const ok = f.label.includes('cut off')
        ? /incomplete|不完整/.test(body)
        : (await row.getAttribute('data-ok')) === 'false' &&
          body.includes(f.name.toLowerCase()) &&
          f.expect.test(body);
      if (ok) passed++;
      if (f.label.includes('cut off')) {
        expect(await row.getAttribute('data-ok')).toBe('true');
        expect(body).toMatch(/incomplete|不完整/);
        continue;
      }
      expect(await row.getAttribute('data-ok'), f.label).toBe('false');
      expect(body, f.label).toContain(f.name.toLowerCase());
      expect(body, f.label).toMatch(f.expect);
    }
    recordCount({ suite: 'bad files through browser import', passed, failed: bad.files.length - passed });
    expect(await compareLabels()).not.toHaveLength(0);
    await page.screenshot({ path: `${SCREENSHOTS}/import-bad-files.png`, fullPage: true });
    await dismissAll();
  }, 120_000);

  it('a refused file is worded in the UI language from its code: no raw key, no other language', async () => {
    const names = ['empty.txt', 'junk.html', 'no-tables.html', 'scanned.pdf'];
    const files = bad.files.filter((f) => names.includes(f.name));
    for (const lang of ['en', 'zh'] as const) {
      await openCompare(`?v=1&lang=${lang}`);
      await page.locator('[data-testid="import-panel"] > summary').click();
      await page.locator('[data-testid="import-input"]').setInputFiles(
        files.map((f) => ({
          name: f.name,
          mimeType: 'application/octet-stream',
          buffer: readFileSync(f.path),
        })),
      );
      await waitForResults(files.length);
      const messages = await page.locator('[data-testid="import-result"] .import-error').allTextContents();
      expect(messages).toHaveLength(files.length);
      for (const m of messages) {
        // The file name (data) aside, the sentence is in one language and names no key.
        const words = names.reduce((s, n) => s.replace(n, ''), m);
        expect([lang, words]).not.toEqual([lang, expect.stringMatching(/[a-z]+_[a-z_]+/)]);
        if (lang === 'en')
          expect([lang, words]).not.toEqual([lang, expect.stringMatching(/[\u4e00-\u9fff]/)]);
        else expect([lang, words]).toEqual([lang, expect.stringMatching(/[\u4e00-\u9fff]/)]);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/import-refused-${lang}.png`, fullPage: true });
      while ((await results().count()) > 0) await results().first().locator('button').last().click();
    }
  }, 120_000);

  it('an added GBK report joins Compare and Report with the figures of the UTF-8 file, survives a reload, and is removed', async () => {
    // A real drop event on the drop zone, with the file built in the page.
    const dt = await page.evaluateHandle(
      ({ name, bytes }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
        return transfer;
      },
      { name: IMPORTED_FILE, bytes: [...renamed] },
    );
    await page.locator('[data-testid="import-dropzone"]').dispatchEvent('drop', { dataTransfer: dt });
    await waitForResults(1);
    expect(await results().first().locator('[data-testid="import-unit"]').textContent()).toBe(IMPORTED_UNIT);
    await results().first().locator('[data-testid="import-add"]').click();
    await page
      .locator(`[data-testid="import-added"][data-file="${IMPORTED_FILE}"]`)
      .waitFor({ timeout: 30_000 });

    const both = `?v=1&units=${encodeURIComponent(IMPORTED_UNIT)}~${encodeURIComponent(BUNDLED_UNIT)}&year=2019`;
    await openCompare(both);
    const labels = await compareLabels(2);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toEqual(labels[1]);
    await page.screenshot({ path: `${SCREENSHOTS}/import-compare.png`, fullPage: true });

    const table3 = async (id: string) => {
      await page.goto(`${baseUrl}?v=1&view=report&report=${id}`);
      const t = page.locator('[data-testid="report-table3"]');
      await t.waitFor({ timeout: 30_000 });
      return t.textContent();
    };
    const imported = await table3(reportId(IMPORTED_UNIT, 2019, sha256(renamed)));
    expect(await page.locator('[data-testid="report-body"]').textContent()).toContain(
      `imported:${IMPORTED_FILE}`,
    );
    expect(imported).toEqual(await table3(reportId(BUNDLED_UNIT, 2019, sha256(utf8))));

    await openCompare(both);
    await page.reload();
    await page.locator('[data-testid="chart-compare"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await compareLabels()).length, { timeout: 30_000 }).toBe(2);
    await page.locator('[data-testid="import-panel"] > summary').click();
    await page.locator('[data-testid="import-remove"]').click();
    await expect
      .poll(() => page.locator('[data-testid="import-added"]').count(), { timeout: 30_000 })
      .toBe(0);
    await expect.poll(async () => (await compareLabels()).length, { timeout: 30_000 }).toBe(1);
    await page.reload();
    await expect.poll(async () => (await compareLabels()).length, { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-testid="import-added"]').count()).toBe(0);
  }, 180_000);

  it('no request left the origin, no CSP violation, no page error during the session', () => {
    const off = log.offOrigin();
    recordCount({
      suite: 'requests during the import e2e session',
      passed: log.urls.length - off.length,
      failed: off.length + cspViolations.length,
      note: `${off.length} left the origin, ${cspViolations.length} CSP violations`,
    });
    expect(log.urls.length).toBeGreaterThan(10);
    expect(log.offOrigin()).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
