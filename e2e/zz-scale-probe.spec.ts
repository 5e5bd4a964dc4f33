import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page.ts';
test('probe', async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    localStorage.setItem('palisade.dataSource', JSON.stringify({ kind: 'api', baseUrl: 'http://127.0.0.1:8799', org: 'acme-demo' }));
    sessionStorage.setItem('palisade.apiKey', 'palisade-demo-key');
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const d = new DashboardPage(page);
  await d.goto();
  await d.settled(150_000);
  await expect(d.readiness.getByTestId('verdict').first()).toBeVisible({ timeout: 120_000 });
  await page.waitForTimeout(2000);
  await d.setRange('30 d');
  await d.settled(150_000);
  await page.waitForTimeout(2000);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/tmp/dash/profile.json', JSON.stringify(profile));
});
