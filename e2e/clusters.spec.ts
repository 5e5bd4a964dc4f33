import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppShell } from './pages/app-shell.ts';
import { ClusterDetail, ClustersPage } from './pages/clusters-page.ts';
import { asRecord, FingerprintsPage, PAYLOAD, rewriteApi, screenshotPath, useApiSource } from './pages/fingerprints-page.ts';
import { watchPage } from './support/guard.ts';
import { startMockServerProcess, type MockServerProcess } from './support/mock-server.ts';

async function expectAccessible(page: Page, label: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `axe (${label})`).toEqual([]);
}

const num = (s: string | undefined): number => Number((s ?? '').replace(/[^\d]/g, ''));

test.describe('clusters (demo data)', () => {
  test('lists clusters with health and counts, and opens one: namespaces, workloads, policies, deviations', async ({ page }) => {
    const guard = watchPage(page);
    const clusters = new ClustersPage(page);
    await clusters.goto();
    await expect(clusters.rows).toHaveCount(3);
    await expect(clusters.row('prod-eks-usw2').getByRole('cell').nth(8)).not.toHaveText('…'); // policies counted
    const cells = await clusters.cells('prod-eks-usw2');
    expect(cells['Agent health']).toBe('Healthy');
    expect(cells.UID).toMatch(/^clus:/);
    expect(num(cells.Namespaces)).toBeGreaterThan(0);
    expect(num(cells.Policies)).toBeGreaterThan(0);
    const fingerprintCount = num(cells.Fingerprints);
    expect(fingerprintCount).toBeGreaterThan(0);
    // Exact time on hover, in the user's locale and UTC.
    await expect(clusters.row('prod-eks-usw2').locator('time').nth(1)).toHaveAttribute('title', /UTC \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);

    await clusters.row('prod-eks-usw2').getByRole('link', { name: 'prod-eks-usw2' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('prod-eks-usw2');
    const detail = new ClusterDetail(page);
    const uid = decodeURIComponent(page.url().split('/clusters/')[1] ?? '');
    await expect(page.getByRole('link', { name: 'Create cluster policy' })).toHaveAttribute('href', `/rulesets/new?cluster=${encodeURIComponent(uid)}`);
    await expect(detail.namespaces.getByRole('heading')).toHaveText(`Namespaces (${num(cells.Namespaces)})`);
    await expect(detail.namespaces.locator('details')).toHaveCount(num(cells.Namespaces));
    await expect(detail.covering.getByRole('heading')).toHaveText(`Policies covering this cluster (${num(cells.Policies)})`);
    await expect(detail.covering.getByRole('listitem').first()).toContainText(/Auditing|Enforcing|Disabled/);
    await expect(detail.deviations.getByRole('heading')).toContainText('Deviations in the last 24 h');

    await detail.filter.fill('kube-system');
    const ns = detail.namespace('kube-system');
    await expect(ns).toHaveAttribute('open', '');
    const workloads = ns.getByRole('table', { name: 'Workloads in kube-system' });
    await expect(workloads.locator('tbody tr').first()).toBeVisible();
    await expect(workloads.locator('tbody tr').first()).toContainText(/Auditing|Enforcing|Disabled|Not covered/);

    // A workload leads to its fingerprints, filtered in the URL.
    await workloads.locator('tbody tr').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/fingerprints\?cluster=prod-eks-usw2&ns=kube-system&q=/);
    const fps = new FingerprintsPage(page);
    await fps.waitForRows();

    // The cluster's fingerprint count matches the fingerprints page filtered by that cluster.
    await fps.goto('?cluster=prod-eks-usw2');
    await expect(fps.count).toContainText(`${fingerprintCount.toLocaleString('en-US')} of`);
    expect(guard.problems).toEqual([]);
  });

  test('/ focuses the search; search and sort live in the URL', async ({ page }) => {
    const clusters = new ClustersPage(page);
    await clusters.goto();
    await expect(clusters.rows).toHaveCount(3);
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    await expect(clusters.search).toBeFocused();
    await page.keyboard.type('dc1-k8s');
    await expect(clusters.rows).toHaveCount(1);
    await clusters.search.fill('');
    await clusters.table.getByRole('button', { name: /^Fingerprints/ }).click();
    await clusters.table.getByRole('button', { name: /^Fingerprints/ }).click();
    await expect(page).toHaveURL(/sort=fingerprints&dir=desc/);
    const order = await clusters.rows.getByRole('link').allInnerTexts();
    await page.reload();
    await expect(clusters.rows).toHaveCount(3);
    expect(await clusters.rows.getByRole('link').allInnerTexts()).toEqual(order);
    await expect(clusters.table.getByRole('columnheader', { name: /Fingerprints/ })).toHaveAttribute('aria-sort', 'descending');
  });

  test('pages in light and dark are accessible (screenshots)', async ({ page }) => {
    const guard = watchPage(page);
    const shell = new AppShell(page);
    const clusters = new ClustersPage(page);
    await clusters.goto();
    await expect(clusters.rows).toHaveCount(3);
    await expect(page.getByText('Counting covering policies')).toHaveCount(0);
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      await expectAccessible(page, `list ${theme}`);
      await page.screenshot({ path: screenshotPath(`clusters-full-${theme}`) });
    }
    await clusters.row('dc1-k8s').getByRole('link', { name: 'dc1-k8s' }).click();
    const detail = new ClusterDetail(page);
    await expect(detail.namespaces.locator('details').first()).toBeVisible();
    await detail.namespaces.locator('details summary').first().click();
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      await expectAccessible(page, `detail ${theme}`);
      await page.screenshot({ path: screenshotPath(`cluster-detail-${theme}`), fullPage: true });
    }
    await page.goto('/clusters');
    await clusters.row('edge-linux-fleet').getByRole('link', { name: 'edge-linux-fleet' }).click();
    await expect(detail.namespaces.getByRole('heading')).toContainText('Linux hosts');
    await expectAccessible(page, 'linux detail');
    await page.screenshot({ path: screenshotPath('cluster-detail-linux-dark'), fullPage: true });
    await page.goto('/clusters/clus%3Amissing');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cluster not found');
    await page.screenshot({ path: screenshotPath('cluster-not-found-dark') });
    expect(guard.problems).toEqual([]);
  });
});

test.describe('clusters over the API', () => {
  let server: MockServerProcess;
  test.beforeAll(async () => {
    server = await startMockServerProcess();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('an org without clusters says what to do next (light and dark)', async ({ page }) => {
    const guard = watchPage(page);
    await useApiSource(page, server.url, 'acme-sandbox');
    const shell = new AppShell(page);
    const clusters = new ClustersPage(page);
    await clusters.goto();
    const empty = page.getByRole('status').filter({ hasText: 'No clusters reporting' });
    await expect(empty).toBeVisible();
    await expect(empty.getByRole('link', { name: 'Check the data source' })).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      await expectAccessible(page, `empty ${theme}`);
      await page.screenshot({ path: screenshotPath(`clusters-empty-${theme}`) });
    }
    expect(guard.problems).toEqual([]);
  });

  test('cluster and namespace names render as inert text', async ({ page }) => {
    const guard = watchPage(page);
    await rewriteApi(page, server.url, (body, path) => {
      if (path.endsWith('/cluster/') && Array.isArray(body)) {
        const c = asRecord(body.find((x) => asRecord(x)?.name === 'dc1-k8s'));
        if (c) c.name = `dc1${PAYLOAD}`;
        return body as unknown;
      }
      const results = asRecord(body)?.results;
      if (Array.isArray(results)) {
        for (const r of results) {
          const ns = asRecord(asRecord(r)?.full_json);
          const md = asRecord(ns?.metadata);
          if (ns && ns.kind === undefined && typeof ns.cluster_uid === 'string' && md?.name === 'default') md.name = `default${PAYLOAD}`;
        }
      }
      return body;
    });
    await useApiSource(page, server.url, 'acme-demo');
    const clusters = new ClustersPage(page);
    await clusters.goto();
    const link = clusters.table.getByRole('link', { name: `dc1${PAYLOAD}` });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`dc1${PAYLOAD}`);
    const detail = new ClusterDetail(page);
    await expect(detail.namespaces.locator('details summary strong', { hasText: `default${PAYLOAD}` })).toBeVisible();
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(guard.problems).toEqual([]);
  });
});
