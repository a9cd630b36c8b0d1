/**
 * Issue 17's acceptance in the production build: a corpus PDF imported in the browser, a figure
 * clicked in Compare, the Report view shows the PDF page rendered with a box around that figure.
 * Where the box must be comes from the parser run here under Node (its recorded page and box),
 * not from the app; the drawn box must overlap it, scaled to the image, and frame ink.
 * Loaded over the generated e2e dataset (2019–2022): the bundled data already holds this report,
 * and an import may not replace a loaded report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportId } from '../../src/dataset/report-id';
import type { CellSource } from '../../src/domain/report';
import { parseReport } from '../../src/parser/parse';
import { sha256Hex } from '../../src/util/sha256';
import { launch, newContext, RequestLog, SCREENSHOTS } from '../e2e/browser';
import { E2E_SYNTHETIC } from '../e2e/globalSetup';
import { hasCorpus, reportsDir } from '../reliability/corpus';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const PDF = '洪泽区_2024.pdf';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const log = new RequestLog(origin);
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  context = await newContext(browser, log);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasCorpus)('a figure’s source in the original PDF', () => {
  it('import a PDF, click its figure in Compare: the Report view shows the page with a box around it', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(reportsDir, PDF)));
    const parsed = await parseReport(bytes, PDF);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { report } = parsed;
    const id = reportId(report.unit, report.year, await sha256Hex(bytes));

    const data = `data=${encodeURIComponent(E2E_SYNTHETIC)}`;
    await page.goto(`${baseUrl}?v=2&${data}&view=compare`);
    await page.locator('[data-testid="chart-compare"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="import-panel"] > summary').click();
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles([{ name: PDF, mimeType: 'application/pdf', buffer: Buffer.from(bytes) }]);
    const result = page.locator(`[data-testid="import-result"][data-file="${PDF}"]`);
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
    await result.locator('[data-testid="import-add"]').click();
    await page.locator(`[data-testid="import-added"][data-file="${PDF}"]`).waitFor({ timeout: 60_000 });

    // The report's year holds no generated report: the imported one is the figure to click.
    await page.goto(`${baseUrl}?v=2&${data}&view=compare&year=${report.year}&table=1`);
    const figure = page.getByTestId('compare-figure');
    await figure.first().waitFor({ timeout: 60_000 });
    expect(await figure.count()).toBe(1);
    await figure.first().click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain(`report=${id}`);
    const cell = new URL(page.url()).searchParams.get('cell');
    expect(cell).toMatch(/^table[34]\./);
    const at: CellSource | undefined = parsed.src?.[cell!];
    expect(at?.page, `${cell} has a page`).toBeGreaterThan(0);

    const canvas = page.getByTestId('source-page');
    const drawn = page.getByTestId('source-box');
    await canvas.waitFor({ timeout: 60_000 });
    await drawn.waitFor();
    expect(await canvas.getAttribute('data-page')).toBe(String(at!.page));
    expect(await page.getByTestId('source-place').textContent()).toContain(`第 ${at!.page} 页`);
    const widthPt = Number(await canvas.getAttribute('data-width-pt'));
    const img = (await canvas.boundingBox())!;
    const box = (await drawn.boundingBox())!;
    const k = img.width / widthPt;
    const [x0, y0, x1, y1] = at!.box!;
    const want = { x: img.x + x0 * k, y: img.y + y0 * k, width: (x1 - x0) * k, height: (y1 - y0) * k };
    const overlapX = Math.min(box.x + box.width, want.x + want.width) - Math.max(box.x, want.x);
    const overlapY = Math.min(box.y + box.height, want.y + want.height) - Math.max(box.y, want.y);
    expect(overlapX, 'the drawn box overlaps the recorded one horizontally').toBeGreaterThan(0);
    expect(overlapY, 'the drawn box overlaps the recorded one vertically').toBeGreaterThan(0);
    // It frames the figure, not a region of the page: the recorded box lies inside it, give or take a pixel.
    expect(box.x).toBeLessThanOrEqual(want.x + 1);
    expect(box.y).toBeLessThanOrEqual(want.y + 1);
    expect(box.x + box.width).toBeGreaterThanOrEqual(want.x + want.width - 1);
    expect(box.y + box.height).toBeGreaterThanOrEqual(want.y + want.height - 1);
    expect(box.width).toBeLessThan(img.width / 4);
    // The page is drawn, and there is ink (the printed digits) inside the recorded box.
    const ink = await canvas.evaluate(
      (c: HTMLCanvasElement, b: number[]) => {
        const s = c.width / Number(c.dataset.widthPt);
        const [l, t, r, btm] = b.map((v) => Math.round(v * s)) as [number, number, number, number];
        const d = c.getContext('2d')!.getImageData(l, t, Math.max(1, r - l), Math.max(1, btm - t)).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 300) dark++;
        return { dark, width: c.width, height: c.height };
      },
      [x0, y0, x1, y1],
    );
    expect(ink.width).toBeGreaterThan(300);
    expect(ink.dark).toBeGreaterThan(0);
    await page.getByTestId('source-panel').screenshot({ path: `${SCREENSHOTS}/source-pdf.png` });
  }, 240_000);

  it.each([
    ['平潭综合实验区_2024.html', 'text/html'],
    ['上海市科委_2024.txt', 'text/plain'],
  ])(
    'an imported %s shows the row or lines of its original with the figure marked',
    async (file, mimeType) => {
      const bytes = new Uint8Array(readFileSync(path.join(reportsDir, file)));
      const parsed = await parseReport(bytes, file);
      if (!parsed.ok) throw new Error(parsed.reason);
      const id = reportId(parsed.report.unit, parsed.report.year, await sha256Hex(bytes));
      const cell = 'table3.new_received.total';
      const at = parsed.src?.[cell];
      expect(at, `${file}: ${cell} has a place`).toBeDefined();
      const data = `data=${encodeURIComponent(E2E_SYNTHETIC)}`;
      await page.goto(`${baseUrl}?v=2&${data}&view=compare`);
      await page.locator('[data-testid="chart-compare"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="import-panel"] > summary').click();
      await page
        .locator('[data-testid="import-input"]')
        .setInputFiles([{ name: file, mimeType, buffer: Buffer.from(bytes) }]);
      const result = page.locator(`[data-testid="import-result"][data-file="${file}"]`);
      await expect.poll(() => result.getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
      await result.locator('[data-testid="import-add"]').click();
      await page.locator(`[data-testid="import-added"][data-file="${file}"]`).waitFor({ timeout: 60_000 });
      await page.goto(`${baseUrl}?v=2&${data}&view=report&report=${id}&cell=${cell}`);
      const mark = page.getByTestId('source-mark');
      await mark.waitFor({ timeout: 60_000 });
      const printed = parsed.report.table3.new_received?.total;
      expect((await mark.textContent())?.replace(/[^\d]/g, '')).toBe(String(printed));
      const place = (await page.getByTestId('source-place').textContent()) ?? '';
      if (at!.table !== undefined)
        expect(place).toContain(`第 ${at!.table + 1} 个表格，第 ${at!.row! + 1} 行`);
      else expect(place).toContain(`第 ${at!.line + 1} 行`);
      await page
        .getByTestId('source-panel')
        .screenshot({ path: `${SCREENSHOTS}/source-${path.extname(file).slice(1)}.png` });
    },
    180_000,
  );

  it('no request left the origin and no page error', () => {
    expect(log.offOrigin()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
