import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page.ts';
test('look', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const d = new DashboardPage(page);
  await d.goto();
  await d.settled();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/dash/look-light.png', fullPage: true });
  console.log(errors.join('\n'));
});
