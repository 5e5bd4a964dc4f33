import { expect, test, type Page } from '@playwright/test';
import { PoliciesPage } from './pages/policies-page.ts';
import { startMockServerProcess, type MockServerProcess } from './support/mock-server.ts';

/** Points the console at a mock server process (real HTTP, real-API mode). */
async function useApi(page: Page, server: MockServerProcess): Promise<void> {
  await page.addInitScript(
    ([url]) => {
      localStorage.setItem('palisade.dataSource', JSON.stringify({ kind: 'api', baseUrl: url, org: 'acme-demo' }));
      sessionStorage.setItem('palisade.apiKey', 'palisade-demo-key');
    },
    [server.url],
  );
}

test.describe('policies (real-API mode against the mock server)', () => {
  let server: MockServerProcess;
  test.beforeEach(async () => {
    server = await startMockServerProcess();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('switch a policy from Audit to Enforce through the confirmation; it persists after reload', async ({ page }) => {
    await useApi(page, server);
    const policies = new PoliciesPage(page);
    const [name] = await policies.namesWithStatus('Auditing');
    expect(name).toBeTruthy();
    await policies.goto();
    await policies.requestMode(name ?? '', 'Enforce');
    await expect(policies.dialog).toContainText('Auditing → Enforcing');
    await expect(policies.dialog.getByTestId('enforce-impact')).toContainText(/In the last 7 days this policy recorded \d+ deviation/);
    await policies.dialog.getByRole('button', { name: 'Enforce policy' }).click();
    await expect(policies.modeOf(name ?? '').getByRole('radio', { name: 'Enforce' })).toHaveAttribute('aria-checked', 'true');
    await page.reload();
    await expect(policies.table).toBeVisible();
    await expect(policies.modeOf(name ?? '').getByRole('radio', { name: 'Enforce' })).toHaveAttribute('aria-checked', 'true');
    await page.screenshot({ path: 'test-results/screenshots/policies-after-enforce.png' });
  });

  test('bulk disable of 3 policies with one injected failure: 2 done, 1 failed, the failed one unchanged', async ({ page }) => {
    await useApi(page, server);
    const policies = new PoliciesPage(page);
    const names = (await policies.namesWithStatus('Auditing')).slice(0, 3);
    expect(names).toHaveLength(3);
    const victim = names[1] ?? '';
    await page.route(/\/analyticspolicy\/$/, async (route) => {
      const req = route.request();
      const body = req.method() === 'PUT' ? (req.postDataJSON() as { policy?: { metadata?: { name?: string } } }) : null;
      if (body?.policy?.metadata?.name === victim) await route.fulfill({ status: 500, contentType: 'application/json', body: '{"msg":"injected failure"}' });
      else await route.fallback();
    });
    await policies.goto();
    await policies.select(names);
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Disable' }).click();
    await policies.dialog.getByRole('button', { name: 'Disable' }).click();
    const result = policies.dialog.getByTestId('bulk-result');
    await expect(result).toContainText('2 done, 1 failed');
    await expect(result).toContainText(`${victim}`);
    await expect(result).toContainText('injected failure');
    await page.screenshot({ path: 'test-results/screenshots/policies-bulk-result.png' });
    await policies.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await page.unroute(/\/analyticspolicy\/$/);
    await page.reload();
    await expect(policies.table).toBeVisible();
    for (const n of names) {
      const expected = n === victim ? 'Audit' : 'Disabled';
      await expect(policies.modeOf(n).getByRole('radio', { name: expected })).toHaveAttribute('aria-checked', 'true');
    }
  });
});

const policyDoc = (name: string, mode = 'audit') => `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: ${name}
  type: container
spec:
  containerSelector:
    image: docker.io/library/busybox:*
  mode: ${mode}
  processPolicy:
  - name: sh
    exe:
    - /bin/sh
    id: sh_0
    euser:
    - root
  networkPolicy:
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;

test('import a multi-document YAML: an invalid document shows its line and column and nothing is imported until fixed', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto();
  const counter = page.getByText(/^\d+ of \d+$/);
  const before = Number(((await counter.textContent()) ?? '').split(' of ')[1]);
  await page.getByRole('button', { name: 'Import YAML' }).click();
  const bad = `${policyDoc('import-one')}---\n${policyDoc('import-two', 'block')}`;
  await page.getByTestId('import-file-input').setInputFiles({ name: 'two.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('import-errors')).toContainText('two.yaml:34:3: spec.mode');
  await expect(policies.dialog.getByRole('button', { name: /^Import \d/ })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/policies-import-error.png' });
  await page.getByTestId('import-file-input').setInputFiles({ name: 'two.yaml', mimeType: 'text/yaml', buffer: Buffer.from(`${policyDoc('import-one')}---\n${policyDoc('import-two')}`) });
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await policies.dialog.getByRole('button', { name: 'Import 2 policies' }).click();
  await expect(policies.dialog.getByTestId('bulk-result')).toContainText('2 done, 0 failed');
  await policies.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(policies.row('import-one')).toBeVisible();
  await expect(policies.row('import-two')).toBeVisible();
  await page.reload();
  await expect(counter).toHaveText(`${before + 2} of ${before + 2}`);
});

test('names and selectors from data render as inert text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const policies = new PoliciesPage(page);
  await policies.goto();
  await page.getByRole('button', { name: 'Import YAML' }).click();
  const evil = policyDoc('<img_src=x_onerror=alert(1)>').replace('docker.io/library/busybox:*', '"<script>alert(2)</script>"');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'evil.yaml', mimeType: 'text/yaml', buffer: Buffer.from(evil) });
  await policies.dialog.getByRole('button', { name: 'Import 1 policy' }).click();
  await expect(policies.dialog.getByTestId('bulk-result')).toContainText('1 done');
  await policies.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(policies.table.getByText('<img_src=x_onerror=alert(1)>')).toBeVisible();
  await expect(policies.table.getByText('<script>alert(2)</script>')).toBeVisible();
  expect(await page.locator('img[src="x"], #main script').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('filters and sort live in the URL; a policy detail page has its tabs', async ({ page }) => {
  const policies = new PoliciesPage(page);
  await policies.goto();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Enforcing');
  await expect(page).toHaveURL(/status=Enforcing/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Enforcing');
  const first = policies.table.locator('.dt-data a').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  for (const tab of ['YAML', 'Deviations', 'History', 'Overview']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }
  await expect(page.getByText('When a workload deviates')).toBeVisible();
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByTestId('policy-yaml')).toContainText(`name: ${name}`);
  await page.screenshot({ path: 'test-results/screenshots/policy-detail-yaml.png', fullPage: true });
});
