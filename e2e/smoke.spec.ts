import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppShell } from './pages/app-shell.ts';
import { watchPage } from './support/guard.ts';

const routes = [
  { path: '/', heading: 'Dashboard', slug: 'dashboard' },
  { path: '/deviations', heading: 'Deviations', slug: 'deviations' },
  { path: '/redflags', heading: 'Red flags', slug: 'redflags' },
  { path: '/clusters', heading: 'Clusters', slug: 'clusters' },
  { path: '/fingerprints', heading: 'Fingerprints', slug: 'fingerprints' },
  { path: '/policies', heading: 'Policies', slug: 'policies' },
  { path: '/policies/new', heading: 'New policy', slug: 'policy-editor' },
  { path: '/rulesets', heading: 'Rulesets', slug: 'rulesets' },
  { path: '/settings', heading: 'Settings', slug: 'settings' },
  { path: '/no/such/page', heading: 'Page not found', slug: 'not-found' },
];

for (const route of routes) {
  test(`${route.path} renders, is accessible and error-free (light and dark)`, async ({ page }) => {
    const guard = watchPage(page);
    const shell = new AppShell(page);
    await shell.goto(route.path);
    await expect(shell.heading).toHaveText(route.heading);
    await expect(shell.dataSource).toHaveText('Demo data');
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      const axe = await new AxeBuilder({ page }).exclude('.code-editor').analyze();
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`), `axe (${theme})`).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/${route.slug}-${theme}.png`, fullPage: true });
    }
    expect(guard.problems).toEqual([]);
  });
}

test('the left navigation reaches every section', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto('/');
  for (const label of ['Clusters', 'Fingerprints', 'Policies', 'Rulesets', 'Settings', 'Dashboard']) {
    await shell.navigate(label);
    await expect(shell.heading).toHaveText(label);
  }
});

test('the theme follows the system by default and the toggle overrides it', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(shell.themeToggle).toHaveAttribute('data-preference', 'system');
  await shell.themeToggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('Monaco is downloaded only by editor routes', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
  });
  const shell = new AppShell(page);
  for (const path of ['/', '/clusters', '/fingerprints', '/policies', '/settings']) await shell.goto(path);
  expect(scripts.filter((s) => s.includes('code-editor') || s.includes('monaco'))).toEqual([]);
  await shell.goto('/policies/new');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  expect(scripts.some((s) => s.includes('monaco-setup'))).toBe(true);
});

test('the built app ships a Content-Security-Policy that forbids inline script', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-inline' 'self'; script");
  expect(csp?.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
});

test('a page whose code fails to load shows a readable error with a retry, not a blank page', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto('/');
  let block = true;
  await page.route(/rulesets-page.*\.js$/, (route) => (block ? route.abort('failed') : route.continue()));
  await shell.navigate('Rulesets');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This page could not be loaded');
  await expect(alert.getByRole('button', { name: 'Reload page' })).toBeVisible();
  await expect(shell.nav).toBeVisible(); // the frame survives
  block = false;
  await alert.getByRole('button', { name: 'Reload page' }).click();
  await expect(shell.heading).toHaveText('Rulesets');
});

test('the editor follows the theme toggle', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto('/policies/new');
  await shell.setTheme('light');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/\bvs\b/);
  await shell.setTheme('dark');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
});

test('keyboard: g p / g f / g c navigate, / focuses the search field', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.goto('/');
  for (const [key, heading] of [['p', 'Policies'], ['f', 'Fingerprints'], ['c', 'Clusters']] as const) {
    await page.locator('body').press('g');
    await page.locator('body').press(key);
    await expect(shell.heading).toHaveText(heading);
  }
  await shell.goto('/policies');
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search policies' })).toBeFocused();
});
