import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppShell } from './pages/app-shell.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { PoliciesPage } from './pages/policies-page.ts';
import { startMockServerProcess, type MockServerProcess } from './support/mock-server.ts';
import { watchPage } from './support/guard.ts';

const SHOTS = 'test-results/screenshots';

/** Points the console at a mock server (real HTTP, real-API mode) and an org. */
async function useApi(page: Page, url: string, org: string): Promise<void> {
  await page.addInitScript(
    ([base, orgUid]) => {
      localStorage.setItem('palisade.dataSource', JSON.stringify({ kind: 'api', baseUrl: base, org: orgUid }));
      sessionStorage.setItem('palisade.apiKey', 'palisade-demo-key');
    },
    [url, org],
  );
}

async function seriousAxe(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes[0]?.target.join(' ')})`);
}

const bigNumber = (dash: DashboardPage) => dash.deviations.locator('.big-number');

test('the dashboard renders every chart with the demo data, readable in light and dark', async ({ page }) => {
  const guard = watchPage(page);
  const shell = new AppShell(page);
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.settled();
  for (const chart of dash.charts()) {
    await expect(chart).toHaveAttribute('data-state', 'ready');
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
    expect(await dash.bars(chart).count()).toBeGreaterThan(0);
  }
  await expect(dash.legend(dash.deviations)).toContainText('Container');
  await expect(dash.legend(dash.deviations)).toContainText('Linux service');
  await expect(dash.legend(dash.redFlags)).toContainText('Critical');
  await expect(dash.legend(dash.redFlags)).toContainText('High');
  await expect(dash.legend(dash.policyStatus)).toContainText('Enforcing');
  await expect(dash.redFlags.getByRole('list', { name: 'Red flags per severity' }).getByRole('link')).toHaveCount(5);
  await expect(
    dash.readiness
      .getByTestId('verdict')
      .filter({ hasText: /^ready:/ })
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    dash.readiness
      .getByTestId('verdict')
      .filter({ hasText: /^not yet:/ })
      .first(),
  ).toBeVisible();
  // Tooltips: hovering a bar shows the bucket's time and counts.
  await dash.bars(dash.deviations).first().hover();
  await expect(dash.deviations.locator('.chart-tooltip')).toContainText('UTC');
  await page.mouse.move(0, 0);
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    // Colours are re-read for the theme: the legend swatch follows the token.
    const swatch = await dash
      .legend(dash.redFlags)
      .locator('.legend-swatch')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const token = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--sev-critical').trim());
    expect(swatch.replace(/\s/g, '')).toBe(hexToRgb(token));
    expect(await seriousAxe(page), `axe (${theme})`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/dashboard-full-${theme}.png`, fullPage: true });
  }
  expect(guard.problems).toEqual([]);
});

function hexToRgb(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgb(${parseInt(m[1] ?? '0', 16)},${parseInt(m[2] ?? '0', 16)},${parseInt(m[3] ?? '0', 16)})`;
}

test('changing the range and a filter updates the URL and the charts', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.settled();
  const week = Number((await bigNumber(dash).textContent())?.replace(/,/g, ''));
  await dash.setRange('30 d');
  await expect(page).toHaveURL(/[?&]range=30d/);
  await expect(dash.deviations).toContainText('last 30 days, per day');
  await expect(bigNumber(dash)).not.toHaveText(String(week));
  await dash.settled();
  const month = Number((await bigNumber(dash).textContent())?.replace(/,/g, ''));
  expect(month).toBeGreaterThan(week);

  await dash.cluster.selectOption('edge-linux-fleet');
  await expect(page).toHaveURL(/cluster=edge-linux-fleet/);
  await dash.settled();
  await expect(bigNumber(dash)).not.toHaveText(month.toLocaleString('en-US'));
  // Only Linux services run there: the type legend has no container deviations, and the top policies are the fleet's.
  await expect(dash.legend(dash.deviations).getByRole('button', { name: /Container/ })).toHaveText(/^Container\s*0$/);
  await dash.topPolicies.getByText('Data table').click();
  const names = await dash.topPolicies.locator('tbody th').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n.includes('edge-linux-fleet'))).toBe(true);

  await dash.deviations.getByRole('button', { name: 'By kind' }).click();
  await expect(page).toHaveURL(/split=kind/);
  await expect(dash.legend(dash.deviations)).toContainText('Process');
  await expect(dash.legend(dash.deviations)).toContainText('Ingress');

  await page.reload();
  await expect(dash.cluster).toHaveValue('edge-linux-fleet');
  await expect(dash.range.getByRole('button', { name: '30 d' })).toHaveAttribute('aria-pressed', 'true');
  await expect(dash.deviations.getByRole('button', { name: 'By kind' })).toHaveAttribute('aria-pressed', 'true');
  await dash.settled();
  await page.screenshot({ path: `${SHOTS}/dashboard-filtered.png`, fullPage: true });
});

test('a custom range and a brush zoom set the window for every chart', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto('?range=30d');
  await dash.settled();
  // Zoom: drag the brush's left handle to the middle, then apply the selection to the page.
  const traveller = dash.deviations.locator('.recharts-brush-traveller').first();
  const box = await traveller.boundingBox();
  const brush = await dash.deviations.locator('.recharts-brush').boundingBox();
  expect(box && brush).toBeTruthy();
  if (box && brush) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(brush.x + brush.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  const apply = dash.deviations.getByRole('button', { name: /^Show .+ everywhere$/ });
  await expect(apply).toBeVisible();
  await apply.click();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
  await expect(dash.range.getByRole('button', { name: 'Custom' })).toHaveAttribute('aria-pressed', 'true');
  await dash.settled();
  await expect(dash.deviations).toContainText('(UTC), per day');

  // A custom range typed in: hourly buckets for a short window.
  await dash.range.getByLabel('From').fill('2026-11-20');
  await dash.range.getByLabel('to').fill('2026-11-21');
  await dash.range.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2026-11-20&to=2026-11-21/);
  await expect(dash.deviations).toContainText('2026-11-20 – 2026-11-21 (UTC), per hour');
});

test('clicking a bar drills into the deviations list with the matching filter', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto('?range=30d');
  await dash.settled();
  // A policy bar: the list shows that policy's deviations over the same range.
  await dash.topPolicies.getByText('Data table').click();
  const top = await dash.topPolicies
    .locator('tbody th')
    .first()
    .evaluate((th) => th.firstChild?.textContent ?? '');
  await dash.bars(dash.topPolicies).first().click();
  await expect(page).toHaveURL(/\/deviations\?range=30d&policy=pol%3A/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deviations');
  const policySelect = page.getByRole('combobox', { name: 'Policy', exact: true });
  await expect(policySelect.locator('option:checked')).toHaveText(top);
  const table = page.getByRole('table', { name: 'Deviations' });
  await expect(table.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  const policies = await table.locator('.xt-row [role="cell"]:nth-child(5)').allTextContents();
  expect(policies.length).toBeGreaterThan(0);
  expect(new Set(policies)).toEqual(new Set([top]));

  // A time bucket of one series: the list covers exactly that bucket and kind, with the same count.
  await page.goBack();
  await dash.settled();
  await dash.deviations.getByRole('button', { name: 'By kind' }).click();
  await dash.settled();
  await dash.deviations.getByText(/^Data table/).click();
  const cell = dash.deviations.locator('.chart-data tbody button').first();
  const label = (await cell.getAttribute('aria-label')) ?? '';
  const count = (await cell.textContent()) ?? '';
  const kind = /^[\d,]+ (\w+)/.exec(label)?.[1]?.toLowerCase() ?? '';
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`/deviations\\?from=[\\d-]+&to=[\\d-]+&kind=${kind}$`));
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue(kind);
  await expect(page.getByTestId('list-count')).toContainText(`${count} occurrences`);
  await page.getByRole('button', { name: 'Every occurrence' }).click();
  await expect(page.getByTestId('list-count')).toContainText(`${count} occurrences shown`);
});

test("the readiness panel's ready policy can be moved to Enforce from there", async ({ page }) => {
  const guard = watchPage(page);
  const dash = new DashboardPage(page);
  await dash.goto();
  const ready = page.getByTestId('verdict').filter({ hasText: /^ready: no new deviations for .+, all \d+ replicas? covered$/ });
  await expect(ready.first()).toBeVisible({ timeout: 30_000 });
  const row = dash.readiness.getByRole('row').filter({ has: ready }).first();
  const name = (await row.getByRole('link').first().textContent()) ?? '';
  expect(name).not.toBe('');
  await row.getByRole('button', { name: `Enforce ${name}…` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Auditing → Enforcing: ${name}`);
  await expect(dialog.getByTestId('enforce-impact')).toContainText('In the last 7 days this policy recorded 0 deviations');
  await page.screenshot({ path: `${SHOTS}/dashboard-readiness-confirm.png` });
  await dialog.getByRole('button', { name: 'Enforce policy' }).click();
  await expect(dash.readiness.getByRole('status').filter({ hasText: 'is now enforcing' })).toContainText(name);
  await expect(dash.readinessRow(name)).toHaveCount(0);
  await expect(dash.policyStatus.getByRole('link', { name: /^Enforcing: \d+/ })).toBeVisible();
  const policies = new PoliciesPage(page);
  expect(await policies.namesWithStatus('Enforcing')).toContain(name);
  expect(guard.problems).toEqual([]);
});

test.describe('an empty organization (real-API mode, the sandbox org)', () => {
  let server: MockServerProcess;
  test.beforeEach(async () => {
    server = await startMockServerProcess();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('shows helpful empty states, not broken axes', async ({ page }) => {
    const guard = watchPage(page);
    await useApi(page, server.url, 'acme-sandbox');
    const shell = new AppShell(page);
    const dash = new DashboardPage(page);
    await dash.goto();
    await dash.settled();
    await expect(page.getByRole('heading', { name: 'No policy activity in this organization yet' })).toBeVisible();
    for (const chart of dash.charts()) await expect(chart).toHaveAttribute('data-state', 'empty');
    await expect(dash.deviations).toContainText('No deviations in the last 7 days');
    await expect(dash.policyStatus.getByRole('link', { name: 'Build one from fingerprints' })).toBeVisible();
    await expect(dash.readiness).toContainText('No policy is in audit mode');
    await expect(page.locator('.recharts-surface, .recharts-cartesian-axis')).toHaveCount(0);
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      expect(await seriousAxe(page), `axe (${theme})`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/dashboard-empty-${theme}.png`, fullPage: true });
    }
    await shell.navigate('Deviations');
    await expect(page.getByRole('heading', { name: 'No deviations in the last 7 days' })).toBeVisible();
    await shell.navigate('Red flags');
    await expect(page.getByRole('heading', { name: 'No red flags in the last 7 days' })).toBeVisible();
    expect(guard.problems).toEqual([]);
  });
});

/**
 * The scale dataset (1,000,000 deviation events, 5,000 policies, 50,000 fingerprints):
 * what the dashboard downloads and how long it takes. About 1 GB and 15 s to start the
 * server, so it runs only with PALISADE_E2E_SCALE=1.
 */
