// Browser test of the analyst dashboard: Debian's chromium, headless, driven by playwright-core.
// Logs in as the demo analyst through the local Keycloak, then checks that the charts and tables
// show the figures reporting's API returns for the same month, asOf and mode. Keeps a screenshot.
//   cd tools/dashboard-test && npm ci && node dashboard.test.mjs   (local stack running with demo data)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const base = process.env.AEH_REPORTING_URL || 'http://127.0.0.1:8084';
const shots = process.env.AEH_SCREENSHOT_DIR || '../../.run';
const fmt = v => v === null || v === undefined ? '·' : Number(v).toLocaleString('de-DE', { maximumFractionDigits: 2 });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 }, locale: 'de-DE' });
  await page.goto(base + '/dashboard/');
  await page.waitForSelector('#username', { timeout: 30000 });
  await page.fill('#username', 'analyst');
  await page.fill('#password', 'demo-local-only');
  await page.click('#kc-login');
  // waitForSelector, not waitForFunction: the page's Content-Security-Policy forbids eval, which waitForFunction needs
  await page.waitForSelector('#figures tbody tr', { timeout: 60000 });

  const month = await page.inputValue('#month');
  const asOf = await page.inputValue('#asOf');
  const token = await page.evaluate(() => sessionStorage.getItem('aeh.token'));
  const api = async path => {
    const res = await fetch(base + path, { headers: { Authorization: 'Bearer ' + token } });
    assert.equal(res.status, 200, path);
    return res.json();
  };
  const current = await api(`/api/v1/indicators?month=${month}&asOf=${asOf}&mode=early&sex=ALL`);

  // the ranking table and bars show the API's ranking for K1
  const rows = await page.$$eval('#ranking-table tbody tr', trs => trs.map(tr => [...tr.cells].map(td => td.textContent)));
  const ranking = current.ranking.K1 || [];
  assert.equal(rows.length, ranking.length, 'ranking rows');
  ranking.forEach((r, i) => assert.deepEqual(rows[i], [String(r.rank), r.name, fmt(r.value)], 'ranking row ' + i));
  const bars = await page.$$eval('#ranking-bars rect', rs => rs.map(r => Number(r.getAttribute('data-value'))));
  assert.deepEqual(bars, ranking.map(r => Number(r.value)), 'bar chart values');

  // the stocks table shows the API's district row
  const district = current.rows.find(r => r.municipality === 'district');
  const districtRow = await page.$eval('#figures tbody tr[data-municipality="district"]', tr => [...tr.cells].map(td => td.textContent));
  assert.equal(districtRow[1], fmt(district.figures.elb), 'eLb of the district');
  assert.equal(districtRow[8], fmt(district.indicators.K1), 'K1 of the district');

  // the K1 line chart shows the API's series for the district
  const from = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 24, 1)).toISOString().slice(0, 7);
  const series = await api(`/api/v1/indicators/series?from=${from}&to=${month}&municipality=district&asOf=${asOf}&mode=early`);
  const points = await page.$$eval('#chart-K1 circle.district', cs => cs.map(c => [c.getAttribute('data-month'), Number(c.getAttribute('data-value'))]));
  const expected = series.filter(p => p.indicators.K1 !== null).map(p => [p.month, Number(p.indicators.K1)]);
  assert.deepEqual(points, expected, 'K1 chart points');
  assert.ok(points.length > 0, 'the K1 chart has points (demo data loaded?)');

  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });
  console.log(`dashboard test passed: ${ranking.length} municipalities ranked, ${points.length} K1 points, screenshot ${shots}/dashboard.png`);
} finally {
  await browser.close();
}
