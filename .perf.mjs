import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
import { preview } from '/work/main/node_modules/vite/dist/node/index.js';
const server = await preview({ root: '/work/main', logLevel: 'warn', preview: { host: '127.0.0.1', port: 4183, strictPort: true } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
for (let i = 0; i < 2; i++) {
  const page = await browser.newPage();
  const t0 = Date.now();
  page.on('console', (m) => console.log('console', m.text()));
  await page.goto('http://127.0.0.1:4183/');
  const marks = [];
  const poll = setInterval(async () => {
    try { const p = await page.locator('.loading-panel p').textContent({ timeout: 50 }); marks.push([Date.now() - t0, p]); } catch {}
  }, 100);
  await page.locator('[data-testid="chart-compare"] .recharts-label-list text').first().waitFor({ timeout: 60000 });
  clearInterval(poll);
  console.log('first chart ms', Date.now() - t0);
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.duration)]));
  console.log(JSON.stringify(res));
  console.log(JSON.stringify(marks.filter((m, j) => j === 0 || m[1] !== marks[j - 1][1])));
  await page.close();
}
await browser.close();
await server.close();
