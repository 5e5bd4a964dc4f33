import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppShell } from './pages/app-shell.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { watchPage } from './support/guard.ts';
import { startMockServerProcess, type MockServerProcess } from './support/mock-server.ts';

const KEY = 'palisade-demo-key';
const NO_FAULTS = { latencyMs: 0, errorRate: 0, networkDown: false, expiredKey: false, conflictOnUpdate: false };

let server: MockServerProcess;

test.beforeAll(async () => {
  server = await startMockServerProcess();
});

test.afterAll(async () => {
  await server?.stop();
});

test.beforeEach(async () => {
  await server.setFaults(NO_FAULTS);
});

async function storedKey(page: Page): Promise<{ session: string | null; local: string | null }> {
  return page.evaluate(() => ({ session: sessionStorage.getItem('palisade.apiKey'), local: localStorage.getItem('palisade.apiKey') }));
}

test('connects to the mock server over HTTP with an API key and lists its policies', async ({ page }) => {
  const guard = watchPage(page);
  const calls: { url: string; auth: string | undefined }[] = [];
  page.on('request', (req) => {
    if (req.url().startsWith(server.url)) calls.push({ url: req.url(), auth: req.headers().authorization });
  });
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(shell.dataSource).toHaveText('Demo data');

  await settings.fillApi(server.url, KEY);
  await settings.testConnection();
  await expect(settings.result).toContainText(`Connected to ${server.url}: 2 organizations`);
  await settings.connect('acme-demo');
  await expect(shell.dataSource).toHaveText(`API · ${server.url}`);
  await expect(settings.overview.getByTestId('overview-counts')).toContainText('3 clusters, 30 policies');
  await settings.overview.getByText('Policies', { exact: true }).click();
  const names = settings.overview.getByRole('list', { name: 'Policies' }).getByRole('listitem');
  await expect(names).toHaveCount(30);
  await expect(names.filter({ hasText: 'dc1-k8s-cluster-policy' })).toContainText('cluster');

  // Real HTTP to the separate process, the key only in the Authorization header.
  const listed = calls.find((c) => new URL(c.url).pathname === '/api/v1/org/acme-demo/analyticspolicy/');
  expect(listed?.auth).toBe(`Bearer ${KEY}`);
  expect(calls.every((c) => !c.url.includes(KEY))).toBe(true);
  await expect.poll(() => server.logs.some((l) => / GET \/api\/v1\/org\/acme-demo\/analyticspolicy\/ 200 /.test(l))).toBe(true);
  // Request log lines never carry the key (the startup banner names the documented default keys).
  const requestLog = server.logs.filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
  expect(requestLog.length).toBeGreaterThan(3);
  expect(requestLog.join('\n')).not.toContain(KEY);

  // The choice survives a reload; the key stays in session storage (not "remembered").
  await page.reload();
  await expect(shell.dataSource).toHaveText(`API · ${server.url}`);
  await expect(settings.overview.getByTestId('overview-counts')).toContainText('30 policies');
  expect(await storedKey(page)).toEqual({ session: KEY, local: null });
  expect(page.url()).not.toContain(KEY);
  expect(guard.problems).toEqual([]);

  await settings.demoRadio.check();
  await settings.useDemoButton.click();
  await expect(shell.dataSource).toHaveText('Demo data');
});

test('a wrong key is reported as 401, and a key the server stops accepting is handled app-wide', async ({ page }) => {
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);
  await settings.goto();

  await settings.fillApi(server.url, 'not-a-valid-key');
  await settings.testConnection();
  await expect(settings.result).toContainText('Connection failed');
  await expect(settings.result).toContainText('401 Unauthorized: Invalid API key');
  await expect(settings.result).toContainText(/request id ctx:/);
  await expect(settings.connectButton).toHaveCount(0);
  await expect(shell.dataSource).toHaveText('Demo data');
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), `axe (${theme})`).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/settings-error-${theme}.png`, fullPage: true });
  }

  await settings.apiKey.fill(KEY);
  await settings.remember.check();
  await settings.testConnection();
  await settings.connect('acme-demo');
  await expect(settings.overview.getByTestId('overview-counts')).toContainText('30 policies');
  expect(await storedKey(page)).toEqual({ session: null, local: KEY });

  // The key expires on the server: every page load now gets 401.
  await server.setFaults({ expiredKey: true });
  await page.reload();
  const banner = page.getByTestId('api-status');
  await expect(banner).toContainText('The backend rejected the API key');
  await expect(banner).toContainText('401 Unauthorized: API key expired');
  await expect(settings.overview).toContainText('401 Unauthorized');
  await expect(shell.nav).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/settings-expired-key-dark.png', fullPage: true });

  await settings.apiRadio.check();
  await settings.forgetButton.click();
  expect(await storedKey(page)).toEqual({ session: null, local: null });
  await shell.setTheme('light');
});

test('demo mode: Settings shows the bundled data, fault scenarios are selectable and handled', async ({ page, baseURL }) => {
  const offsite: string[] = [];
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  page.on('request', (req) => {
    if (!req.url().startsWith(`${origin}/`) && !req.url().startsWith('data:')) offsite.push(req.url());
  });
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(page.getByText('Your edits are saved in this browser (IndexedDB).')).toBeVisible();
  await expect(settings.overview.getByTestId('overview-counts')).toContainText('3 clusters, 30 policies (');
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    await page.screenshot({ path: `test-results/screenshots/settings-data-source-${theme}.png`, fullPage: true });
  }

  await settings.fault('Network down').check();
  await expect(shell.dataSource).toHaveText('Demo data · simulating network down');
  await page.reload();
  await expect(shell.dataSource).toHaveText('Demo data · simulating network down');
  const banner = page.getByTestId('api-status');
  await expect(banner).toContainText('The backend is not answering');
  await expect(settings.overview).toContainText('Network error');

  await settings.fault('Network down').uncheck();
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0);
  await expect(settings.overview.getByTestId('overview-counts')).toContainText('30 policies');
  await expect(shell.dataSource).toHaveText('Demo data');

  await page.getByRole('button', { name: 'Reset demo data…' }).click();
  await page.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Reset demo data' }).click();
  await expect(page.getByText('Demo data restored to the seed')).toBeVisible();
  await shell.setTheme('light');
  // The demo never leaves the page's own origin.
  expect(offsite).toEqual([]);
});
