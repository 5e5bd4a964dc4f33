import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppShell } from './pages/app-shell.ts';
import { asRecord, FingerprintDetail, FingerprintsPage, PAYLOAD, rewriteApi, screenshotPath, useApiSource } from './pages/fingerprints-page.ts';
import { watchPage } from './support/guard.ts';
import { startMockServerProcess, type MockServerProcess } from './support/mock-server.ts';

const OUT = process.env.PALISADE_E2E_OUT ?? 'test-results';

async function expectAccessible(page: Page, label: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `axe (${label})`).toEqual([]);
}

test.describe('fingerprints (demo data)', () => {
  test('filter by cluster and namespace through the UI; a reload shows the same view', async ({ page }) => {
    const guard = watchPage(page);
    const fps = new FingerprintsPage(page);
    await fps.goto();
    await fps.waitForRows();
    const all = await fps.count.innerText();

    await fps.filter('Cluster', 'prod-eks-usw2');
    await fps.filter('Namespace', 'kube-system');
    await expect(page).toHaveURL(/\?cluster=prod-eks-usw2&ns=kube-system$/);
    await expect(fps.chips.getByRole('button')).toHaveText([/Cluster:\s*prod-eks-usw2/, /Namespace:\s*kube-system/, 'Clear all']);
    const filtered = await fps.count.innerText();
    expect(filtered).not.toBe(all);
    for (const r of await fps.rowTexts()) expect(r).toMatch(/prod-eks-usw2.*kube-system/);
    const rows = await fps.names();
    expect(rows.length).toBeGreaterThan(0);

    await page.reload();
    await fps.waitForRows();
    await expect(fps.count).toHaveText(filtered);
    expect(await fps.names()).toEqual(rows);
    await expect(fps.facetButton('Cluster')).toContainText('1');
    await expect(fps.facetButton('Namespace')).toContainText('1');

    // The shareable link opens the same view in a fresh tab.
    const other = await page.context().newPage();
    const second = new FingerprintsPage(other);
    await other.goto(page.url());
    await second.waitForRows();
    await expect(second.count).toHaveText(filtered);
    await other.close();

    // Removing a chip widens the view again; sorting is in the URL too.
    await fps.chips.getByRole('button', { name: /Remove filter Namespace/ }).click();
    await expect(page).toHaveURL(/\?cluster=prod-eks-usw2$/);
    await fps.groupTable.getByRole('button', { name: /^Instances/ }).click();
    await expect(page).toHaveURL(/sort=instances/);
    expect(guard.problems).toEqual([]);
  });

  test('open a fingerprint and expand, collapse and search its process tree; network processes link to the tree', async ({ page }) => {
    const guard = watchPage(page);
    const fps = new FingerprintsPage(page);
    await fps.goto('?group=none&q=nginx');
    await fps.waitForRows();
    await fps.flatTable.locator('.dt-data').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/fingerprints\/fprint/);
    const detail = new FingerprintDetail(page);
    await expect(detail.tree).toBeVisible();

    await page.getByRole('button', { name: 'Collapse all' }).click();
    const roots = await detail.items().count();
    const parentId = (await detail.tree.locator('[role="treeitem"][aria-expanded="false"]').first().getAttribute('data-process-id')) ?? '';
    const parent = detail.item(parentId);
    await expect(parent).toBeVisible();
    await parent.locator('.pt-row').first().click();
    await expect(parent).toHaveAttribute('aria-expanded', 'true');
    expect(await detail.items().count()).toBeGreaterThan(roots);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(detail.tree.locator('[aria-expanded="false"]')).toHaveCount(0);
    const total = await detail.items().count();

    // Keyboard: collapse the focused node with ArrowLeft, open it again with ArrowRight.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    const first = detail.items().first();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(first).toHaveAttribute('aria-expanded', 'false');

    // Search opens the path to each match.
    await detail.treeSearch.fill('nginx');
    await expect(detail.matches).toContainText(/of \d+ matches|1 of 1/);
    await expect(detail.tree.locator('.pt-match').first()).toBeVisible();
    await detail.treeSearch.fill('no-such-process-xyz');
    await expect(detail.matches).toHaveText('No match');
    expect(total).toBeGreaterThan(roots);

    // A process id in the network view leads to that node in the tree.
    await detail.tab(/^Network/).click();
    const procLink = page.locator('.proc-links a').first();
    await expect(procLink).toBeVisible();
    const href = (await procLink.getAttribute('href')) ?? '';
    const procId = decodeURIComponent(/proc=([^&]+)/.exec(href)?.[1] ?? '');
    await procLink.click();
    await expect(detail.tab(/^Process tree/)).toHaveAttribute('aria-selected', 'true');
    await expect(detail.item(procId)).toHaveAttribute('aria-selected', 'true');
    await expect(detail.item(procId)).toBeFocused();

    await detail.tab('YAML').click();
    await expect(detail.yaml).toContainText('kind: SpyderbatFingerprint');
    await detail.tab(/^Instances/).click();
    await expect(page.getByRole('table', { name: 'Instances' }).locator('.current-row')).toHaveCount(1);
    expect(guard.problems).toEqual([]);
  });

  test('keyboard: / focuses search, Escape closes facets and dialogs; a selected group offers Build policy', async ({ page }) => {
    const fps = new FingerprintsPage(page);
    await fps.goto();
    await fps.waitForRows();
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    await expect(fps.search).toBeFocused();
    await page.keyboard.press('Escape');

    await fps.facetButton('Cluster').click();
    await expect(fps.facetPanel('Cluster')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(fps.facetPanel('Cluster')).toBeHidden();
    await expect(fps.facetButton('Cluster')).toBeFocused();

    const row = fps.rows.first();
    await row.getByRole('button').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const instances = Number((await row.getByRole('cell').nth(3).innerText()).replace(/\D/g, ''));
    await expect(dialog.getByRole('table').locator('.dt-data').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await row.getByRole('checkbox').check();
    await expect(fps.selection).toContainText(`${instances} fingerprint`);
    const build = fps.selection.getByRole('link', { name: 'Build policy' });
    const href = (await build.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/policies\/new\?fingerprints=/);
    const ids = decodeURIComponent(href.split('=')[1] ?? '').split(',');
    expect(ids).toHaveLength(instances);
    expect(ids.every((id) => id.startsWith('fprint:'))).toBe(true);
    await fps.selection.getByRole('button', { name: 'Clear selection' }).click();
    await expect(fps.selection).toBeHidden();
  });

  test('pages in light and dark are accessible (screenshots)', async ({ page }) => {
    const guard = watchPage(page);
    const shell = new AppShell(page);
    const fps = new FingerprintsPage(page);
    await fps.goto();
    await fps.waitForRows();
    await expect(page.getByText('Checking which policies cover')).toHaveCount(0);
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      await expectAccessible(page, `list ${theme}`);
      await page.screenshot({ path: screenshotPath(`fingerprints-full-${theme}`) });
    }
    await fps.filter('Namespace', 'kube-system');
    await fps.facetButton('Cluster').click();
    await page.screenshot({ path: screenshotPath('fingerprints-facet-dark') });
    await page.keyboard.press('Escape');
    await fps.rows.first().getByRole('button').first().click();
    await expect(page.getByRole('dialog').locator('.dt-data').first()).toBeVisible();
    await expectAccessible(page, 'group dialog');
    await page.screenshot({ path: screenshotPath('fingerprints-group-dialog-dark') });
    await page.keyboard.press('Escape');
    await fps.goto('?group=none&q=nginx');
    await fps.waitForRows();
    await fps.flatTable.locator('.dt-data').first().getByRole('link').first().click();
    const detail = new FingerprintDetail(page);
    await expect(detail.tree).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      for (const tab of ['Process tree', 'Network', 'YAML', 'Instances']) {
        await detail.tab(new RegExp(`^${tab}`)).click();
        await expectAccessible(page, `${tab} ${theme}`);
        await page.screenshot({ path: screenshotPath(`fingerprint-${tab.toLowerCase().replace(' ', '-')}-${theme}`), fullPage: true });
      }
    }
    await page.goto('/fingerprints/fprint%3Anot-there');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fingerprint not found');
    await page.screenshot({ path: screenshotPath('fingerprint-not-found-dark') });
    expect(guard.problems).toEqual([]);
  });
});

test.describe('fingerprints over the API', () => {
  let server: MockServerProcess;
  test.beforeAll(async () => {
    server = await startMockServerProcess();
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  test.beforeEach(async () => {
    await server.setFaults({ latencyMs: 0, errorRate: 0, networkDown: false, expiredKey: false, conflictOnUpdate: false });
  });

  test('strings from data render as inert text (list, tree, network, YAML)', async ({ page }) => {
    const guard = watchPage(page);
    let targetId = '';
    await rewriteApi(page, server.url, (body, path) => {
      const results = asRecord(body)?.results;
      if (!/\/search\/[^/]+$/.test(path) || !Array.isArray(results)) return body;
      const fp = asRecord(asRecord(results[0])?.full_json);
      const md = asRecord(fp?.metadata);
      const spec = asRecord(fp?.spec);
      // The same fingerprint on every load (the detail page fetches the list again).
      if (!fp || !md || !spec || md.type !== 'container' || (targetId !== '' && md.id !== targetId)) return body;
      targetId = String(md.id);
      const image = `evil/${PAYLOAD}:1`;
      Object.assign(md, { image, name: image, pod_name: PAYLOAD, containerName: PAYLOAD });
      Object.assign(asRecord(spec.containerSelector) ?? {}, { image });
      const root = asRecord((spec.processPolicy as unknown[])[0]);
      if (root) Object.assign(root, { name: PAYLOAD, exe: [`/bin/${PAYLOAD}`] });
      const net = asRecord(spec.networkPolicy);
      if (net) net.egress = [{ to: [{ dnsSelector: [`${PAYLOAD}.example.com`] }], ports: [{ port: 443, protocol: 'TCP' }], processes: [typeof root?.id === 'string' ? root.id : ''] }];
      return body;
    });
    await useApiSource(page, server.url, 'acme-demo');
    const fps = new FingerprintsPage(page);
    await fps.goto(`?q=${encodeURIComponent('evil/')}`);
    await fps.waitForRows();
    expect(targetId).not.toBe('');
    await expect(fps.rows.first()).toContainText(PAYLOAD);

    await page.goto(`/fingerprints/${encodeURIComponent(targetId)}`);
    const detail = new FingerprintDetail(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(PAYLOAD);
    await expect(detail.tree).toContainText(`/bin/${PAYLOAD}`);
    await detail.treeSearch.fill('<script>');
    await expect(detail.tree.locator('.pt-match').first()).toContainText(PAYLOAD);
    await detail.tab(/^Network/).click();
    await expect(page.locator('.net-view')).toContainText(`${PAYLOAD}.example.com`);
    await detail.tab('YAML').click();
    await expect(detail.yaml).toContainText(PAYLOAD);
    await detail.tab(/^Instances/).click();
    await expect(page.getByRole('table', { name: 'Instances' })).toContainText(PAYLOAD);

    // Nothing was parsed as markup: no injected elements, no script ran, no CSP violation.
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(guard.problems).toEqual([]);
  });

  test('an org without fingerprints says what to do next (light and dark)', async ({ page }) => {
    const guard = watchPage(page);
    await useApiSource(page, server.url, 'acme-sandbox');
    const shell = new AppShell(page);
    const fps = new FingerprintsPage(page);
    await fps.goto();
    const empty = page.getByRole('status').filter({ hasText: 'No fingerprints observed' });
    await expect(empty).toBeVisible();
    await expect(empty.getByRole('link', { name: 'Check the data source' })).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      await expectAccessible(page, `empty ${theme}`);
      await page.screenshot({ path: screenshotPath(`fingerprints-empty-${theme}`) });
    }
    expect(guard.problems).toEqual([]);
  });

  test('a failed load shows the error with a retry that recovers; the frame stays', async ({ page }) => {
    await useApiSource(page, server.url, 'acme-demo');
    await server.setFaults({ errorRate: 1 });
    const fps = new FingerprintsPage(page);
    await fps.goto('?cluster=dc1-k8s');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load fingerprints' });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('navigation')).toBeVisible();
    await expect(fps.search).toBeVisible();
    await page.screenshot({ path: screenshotPath('fingerprints-error-light') });
    await server.setFaults({ errorRate: 0 });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await fps.waitForRows();
    await expect(page).toHaveURL(/cluster=dc1-k8s/);
  });
});

// ---- Scale: 50,000 fingerprints from the mock server (`--scale 100`) ----

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startScaleServer(scale: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mocks/server/main.ts', '--port', String(port), '--scale', String(scale), '--quiet'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  child.stdout?.on('data', (c: Buffer) => logs.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => logs.push(c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scale server exited: ${logs.join('')}`);
    if (Date.now() > deadline) throw new Error(`scale server did not start: ${logs.join('')}`);
    try {
      if ((await fetch(`${url}/__palisade/health`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}

test.describe('fingerprints at scale', () => {
  test('50,000 fingerprints: first rows right after the data arrives; never more than 200 rows in the DOM', async ({ page }) => {
    test.setTimeout(420_000);
    const server = await startScaleServer(100);
    try {
      await useApiSource(page, server.url, 'acme-demo');
      // When the first data row enters the DOM, and the frame after it.
      await page.addInitScript(() => {
        const w = window as unknown as { __firstRow?: number; __firstRowPaint?: number; __longTasks?: number[] };
        w.__longTasks = [];
        try {
          new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks?.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
        } catch {
          // long task timing unavailable
        }
        const obs = new MutationObserver(() => {
          if (w.__firstRow === undefined && document.querySelector('main .dt-data')) {
            w.__firstRow = performance.now();
            requestAnimationFrame(() => {
              w.__firstRowPaint = performance.now();
            });
            obs.disconnect();
          }
        });
        document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { childList: true, subtree: true }));
      });
      const fps = new FingerprintsPage(page);
      const t0 = Date.now();
      await fps.goto('?group=none');
      await expect(fps.rows.first()).toBeVisible({ timeout: 300_000 });
      const loadMs = Date.now() - t0;
      const timing = await page.evaluate(() => {
        const w = window as unknown as { __firstRow?: number; __firstRowPaint?: number };
        const data = performance.getEntriesByName('palisade:fingerprints:data')[0];
        return { data: data?.startTime ?? NaN, firstRow: w.__firstRow ?? NaN, firstRowPaint: w.__firstRowPaint ?? NaN, count: (data as PerformanceMark | undefined)?.detail as { count?: number } | undefined };
      });
      await expect(fps.count).toContainText('50,000 of 50,000 fingerprints');
      await expect(fps.flatTable).toHaveAttribute('aria-rowcount', '50001');

      // Scroll the whole table: rows stay windowed.
      const body = fps.flatTable.getByTestId('dt-body');
      const domRows: number[] = [];
      const sample = async (): Promise<void> => {
        domRows.push(await fps.flatTable.locator('.dt-data').count());
      };
      await sample();
      for (const f of [0.1, 0.25, 0.5, 0.75, 0.999, 0.33]) {
        await body.evaluate((el, frac) => {
          el.scrollTop = el.scrollHeight * frac;
        }, f);
        await page.waitForTimeout(120);
        await sample();
      }
      await body.hover();
      for (let i = 0; i < 15; i++) {
        await page.mouse.wheel(0, 2400);
        await page.waitForTimeout(30);
        await sample();
      }
      // Frame pacing while scrolling continuously for ~2 s.
      const frames = await body.evaluate(
        (el) =>
          new Promise<number[]>((resolve) => {
            const gaps: number[] = [];
            let last = performance.now();
            const end = last + 2000;
            const step = (t: number): void => {
              gaps.push(t - last);
              last = t;
              el.scrollTop += 600;
              if (t < end) requestAnimationFrame(step);
              else resolve(gaps);
            };
            requestAnimationFrame(step);
          }),
      );
      await sample();
      const sorted = [...frames].sort((a, b) => a - b);
      const p = (q: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;

      // The grouped view of the same data.
      await fps.page.getByRole('button', { name: 'Grouped' }).click();
      await expect(fps.groupTable.locator('.dt-data').first()).toBeVisible();
      await fps.groupTable.getByTestId('dt-body').evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      });
      await page.waitForTimeout(100);
      const groupedDomRows = await fps.groupTable.locator('.dt-data').count();
      const groups = await fps.groupTable.getAttribute('aria-rowcount');

      // Coverage of 50,000 fingerprints by the policies, off the main thread (reported, not asserted).
      const coverage = await page
        .waitForFunction(() => performance.getEntriesByName('palisade:coverage').length > 0, undefined, { timeout: 240_000 })
        .then(() => page.evaluate(() => (performance.getEntriesByName('palisade:coverage')[0] as PerformanceMark).detail as unknown))
        .catch(() => 'not finished in 240 s');
      const longTasks = await page.evaluate(() => (window as unknown as { __longTasks?: number[] }).__longTasks ?? []);

      const report = {
        fingerprints: timing.count?.count ?? null,
        navigationToFirstRowsMs: loadMs,
        firstRowsAfterDataMs: Math.round((timing.firstRow - timing.data) * 10) / 10,
        firstRowsPaintedAfterDataMs: Math.round((timing.firstRowPaint - timing.data) * 10) / 10,
        domRowsMax: Math.max(...domRows),
        domRowSamples: domRows,
        scrollFrameMs: { frames: frames.length, p50: p(0.5), p95: p(0.95), max: p(1) },
        groupedRows: Number(groups) - 1,
        groupedDomRows,
        coverage,
        longTasksMs: longTasks.slice(0, 40),
      };
      mkdirSync(`${OUT}/perf`, { recursive: true });
      writeFileSync(`${OUT}/perf/fingerprints-scale.json`, JSON.stringify(report, null, 2));
      test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
      console.log(`fingerprints scale perf: ${JSON.stringify(report)}`);
      await page.screenshot({ path: screenshotPath('fingerprints-scale-grouped-light') });

      expect(Math.max(...domRows)).toBeLessThanOrEqual(200);
      expect(groupedDomRows).toBeLessThanOrEqual(200);
    } finally {
      await server.stop();
    }
  });
});
