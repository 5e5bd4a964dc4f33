import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppShell } from './pages/app-shell.ts';
import { watchPage } from './support/guard.ts';

const SHOTS = 'test-results/screenshots';

async function seriousAxe(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes[0]?.target.join(' ')})`);
}

/** The cells of one column (1-based, after the expand toggle) of the visible rows. */
const column = (page: Page, table: string, n: number) => page.getByRole('table', { name: table }).locator(`.xt-row [role="cell"]:nth-child(${n + 1})`);

test('the deviations list filters, sorts and expands to the evidence', async ({ page }) => {
  const guard = watchPage(page);
  const shell = new AppShell(page);
  await shell.goto('/deviations?range=30d');
  const table = page.getByRole('table', { name: 'Deviations' });
  await expect(table.locator('.xt-row').first()).toBeVisible({ timeout: 30_000 });

  await page.getByRole('combobox', { name: 'Kind' }).selectOption('egress');
  await expect(page).toHaveURL(/kind=egress/);
  await expect(page.getByTestId('list-count')).toContainText('occurrences');
  const kinds = await column(page, 'Deviations', 3).allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['Egress']));

  await page.getByRole('combobox', { name: 'Kind' }).selectOption('');
  await table.getByRole('button', { name: 'Policy', exact: true }).click();
  await expect(page).toHaveURL(/sort=policy&dir=asc/);
  await expect(table.getByRole('columnheader', { name: /Policy/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await column(page, 'Deviations', 4).allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

  await page.getByRole('combobox', { name: 'Severity' }).selectOption('medium');
  await expect(page).toHaveURL(/severity=medium/);
  const sevs = await column(page, 'Deviations', 7).allTextContents();
  expect(sevs.length).toBeGreaterThan(0);
  expect(new Set(sevs)).toEqual(new Set(['medium']));
  await page.getByRole('button', { name: 'Clear filters' }).click();

  const first = table.locator('.xt-row').first();
  const description = (await first.locator('[role="cell"]').nth(2).textContent()) ?? '';
  await first.getByRole('button', { name: /^Show details/ }).click();
  const evidence = page.getByTestId('evidence');
  await expect(evidence).toContainText(description);
  await expect(evidence).toContainText('Rule it broke');
  await expect(evidence).toContainText(/Response.*(Enforce mode|Audit mode)/s);
  const merge = evidence.getByRole('link', { name: 'Merge into policy' });
  await expect(merge).toHaveAttribute('href', /^\/policies\/pol%3A[^/]+\/edit\?merge=audit%3Aguardian_deviation%3A/);
  await expect(evidence.getByRole('link', { name: 'Open policy' })).toHaveAttribute('href', /^\/policies\/pol%3A/);
  await expect(evidence.getByRole('link', { name: /fingerprint/i })).toHaveAttribute('href', /^\/fingerprints/);

  await page.getByRole('button', { name: 'Every occurrence' }).click();
  await expect(page).toHaveURL(/view=all/);
  await expect(page.getByTestId('list-count')).toContainText('occurrences shown');
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    expect(await seriousAxe(page), `axe (${theme})`).toEqual([]);
  }
  await page.getByRole('button', { name: 'One row per deviation' }).click();
  // The row expanded earlier is expanded again in this view.
  await expect(
    table
      .locator('.xt-row')
      .first()
      .getByRole('button', { name: /^Hide details/ }),
  ).toBeVisible();
  await expect(page.getByTestId('evidence')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    await page.screenshot({ path: `${SHOTS}/deviations-${theme}.png`, fullPage: true });
  }
  expect(guard.problems).toEqual([]);
});

test('the red flags list filters by severity and shows each flag in context', async ({ page }) => {
  const guard = watchPage(page);
  const shell = new AppShell(page);
  await shell.goto('/redflags?range=30d');
  const table = page.getByRole('table', { name: 'Red flags' });
  await expect(table.locator('.xt-row').first()).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('group', { name: 'Severity' })
    .getByRole('button', { name: /^Critical/ })
    .click();
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page.getByTestId('list-count')).toBeVisible();
  const sevs = await column(page, 'Red flags', 2).allTextContents();
  expect(sevs.length).toBeGreaterThan(0);
  expect(new Set(sevs)).toEqual(new Set(['critical']));
  await table
    .locator('.xt-row')
    .first()
    .getByRole('button', { name: /^Show details/ })
    .click();
  await expect(page.getByTestId('evidence')).toContainText('Refers to');
  await table.getByRole('button', { name: 'Time', exact: true }).click();
  await expect(page).toHaveURL(/sort=time&dir=asc/);
  for (const theme of ['light', 'dark'] as const) {
    await shell.setTheme(theme);
    expect(await seriousAxe(page), `axe (${theme})`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/redflags-${theme}.png`, fullPage: true });
  }
  expect(guard.problems).toEqual([]);
});

test('the audit log of a policy is filterable and exportable', async ({ page }) => {
  const guard = watchPage(page);
  const shell = new AppShell(page);
  await shell.goto('/deviations?tab=audit&range=30d');
  await expect(page.getByTestId('audit-count')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Policy' }).selectOption({ label: 'ssh-edge-linux-fleet' });
  await expect(page).toHaveURL(/[?&]policy=pol%3A/);
  await expect(page).toHaveURL(/[?&]tab=audit/);
  const table = page.getByRole('table', { name: 'Audit log' });
  await expect(table).toContainText('(audit mode): ');
  await expect(table).toContainText('Would have initiated "makeRedFlag"');
  await page.getByRole('combobox', { name: 'Entry kind' }).selectOption('guardian_action');
  await expect(page).toHaveURL(/akind=guardian_action/);
  const kinds = await table.locator('.dt-data [role="cell"]:nth-child(2)').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['Action']));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .log' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^palisade-audit-ssh-edge-linux-fleet-\d{4}-\d{2}-\d{2}\.log$/);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = text.trim().split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(audit mode\): Would have initiated "makeRedFlag" action for ".+"\. Not initiated due to "audit" mode\.$/);
  await page.getByRole('searchbox', { name: 'Search the audit log' }).fill('no-such-entry');
  await expect(page.getByRole('heading', { name: 'No entry matches these filters' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the audit log' }).fill('');
  await page.screenshot({ path: `${SHOTS}/audit-log.png`, fullPage: true });
  expect(guard.problems).toEqual([]);
});
