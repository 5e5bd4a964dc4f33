import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page.ts';
test('probe', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    localStorage.setItem('palisade.dataSource', JSON.stringify({ kind: 'api', baseUrl: 'http://127.0.0.1:8799', org: 'acme-demo' }));
    sessionStorage.setItem('palisade.apiKey', 'palisade-demo-key');
  });
  const t0 = Date.now();
  const log: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/')) log.push(`${Date.now() - t0} REQ ${r.method()} ${new URL(r.url()).pathname} ${(r.postData() ?? '').slice(0, 160)}`); });
  page.on('response', async (r) => { if (r.url().includes('/api/v1/')) { const b = await r.body().catch(() => Buffer.alloc(0)); log.push(`${Date.now() - t0} RES ${r.status()} ${new URL(r.url()).pathname} ${b.length}`); } });
  const d = new DashboardPage(page);
  await d.goto();
  await d.settled(150_000);
  await expect(d.readiness.getByTestId('verdict').first()).toBeVisible({ timeout: 120_000 });
  await page.waitForTimeout(3000);
  console.log(log.join('\n'));
});
