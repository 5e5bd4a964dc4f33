import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/editor-page.ts';
import { startMockServerProcess, type MockServerProcess } from './support/mock-server.ts';
import { fingerprints, type Fingerprint } from './support/api.ts';
import { createPolicy, dumpYaml, findDeviations } from '../src/engine/spyderbat/index.ts';
import { toYaml } from '../src/engine/yaml/index.ts';
import type { ProcessNode, SpyderbatFingerprint, WorkloadPolicy } from '../src/engine/model/types.ts';

async function useApi(page: Page, server: MockServerProcess): Promise<void> {
  await page.addInitScript(
    ([url]) => {
      localStorage.setItem('palisade.dataSource', JSON.stringify({ kind: 'api', baseUrl: url, org: 'acme-demo' }));
      sessionStorage.setItem('palisade.apiKey', 'palisade-demo-key');
    },
    [server.url],
  );
}

/**
 * Three nginx fingerprints whose policy (as the engine builds it, here in Node) covers its whole
 * scope in the dataset with no deviation, so the console's preview must show 0.
 */
function pickNginx(fps: Fingerprint[]): Fingerprint[] {
  const all = fps as unknown as SpyderbatFingerprint[];
  const nginx = all.filter((f) => (typeof f.metadata.image === 'string' ? f.metadata.image : '').startsWith('docker.io/library/nginx:'));
  for (let a = 0; a < nginx.length; a++)
    for (let b = a + 1; b < nginx.length; b++)
      for (let c = b + 1; c < nginx.length; c++) {
        const trio = [nginx[a], nginx[b], nginx[c]] as SpyderbatFingerprint[];
        const policy = createPolicy(trio, { name: 'probe', mode: 'audit' }).policy;
        if (findDeviations(policy, all).length === 0) return trio as unknown as Fingerprint[];
      }
  return nginx.slice(0, 3) as unknown as Fingerprint[];
}

test.describe('authoring (real-API mode)', () => {
  let server: MockServerProcess;
  test.beforeEach(async () => {
    server = await startMockServerProcess();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('build from 3 nginx fingerprints → edit → diff → apply in audit → merge a deviation → apply → enforce', async ({ page }) => {
    test.setTimeout(120_000);
    await useApi(page, server);
    const chosen = pickNginx(await fingerprints(server.url));
    expect(chosen).toHaveLength(3);
    const name = 'nginx-e2e-policy';
    const built = createPolicy(chosen as unknown as SpyderbatFingerprint[], { name, mode: 'audit' }).policy;
    // What `spyctl create policy` prints for the same fingerprints (the CLI prints the same).
    const expected = `${dumpYaml(built).replace(/\n$/, '')}\n`;

    await page.goto(`/policies/new?fingerprints=${chosen.map((f) => f.metadata.id).join(',')}`);
    await expect(page.getByTestId('build-inputs').getByRole('listitem')).toHaveCount(3);
    await page.getByLabel('Policy name').fill(name);
    await page.getByRole('button', { name: 'Build policy' }).click();
    const editor = new EditorPage(page);
    expect(await editor.value()).toBe(expected);
    await expect(page.getByTestId('provenance')).toContainText('Built from 3 fingerprints');
    await expect(editor.problems).toContainText('valid');
    await page.screenshot({ path: 'test-results/screenshots/editor-built.png', fullPage: true });

    // The live preview: the policy built from these fingerprints raises no deviation on them.
    await editor.sideTab('Preview');
    await expect(page.getByTestId('preview-deviation-count')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('preview-status')).toHaveAttribute('data-state', 'idle');
    await expect(page.getByTestId('preview-deviation-count')).toHaveText('0');
    const before = 0;

    // An error shows a marker at the right line, and in the problems panel.
    const lines = expected.split('\n');
    const modeLine = lines.findIndex((l) => l === '  mode: audit') + 1;
    await editor.setValue(expected.replace('  mode: audit', '  mode: blocking'));
    await expect(editor.problems).toContainText(`${modeLine}:`);
    await expect(editor.problems).toContainText(/audit or enforce/);
    await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
    await expect(editor.apply).toBeDisabled();
    await page.screenshot({ path: 'test-results/screenshots/editor-error.png', fullPage: true });

    // Fix it, and delete a child process so the policy is narrower than what was observed.
    const narrowed = toYaml(withoutALeafChild(built));
    await editor.setValue(narrowed);
    await expect(editor.problems).toContainText('valid');
    await expect.poll(async () => Number(await page.getByTestId('preview-deviation-count').textContent()), { timeout: 30_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: 'test-results/screenshots/editor-preview.png', fullPage: true });
    await editor.sideTab('Diff');
    await expect(page.getByTestId('diff-summary')).toContainText(/process/);
    await expect(page.getByTestId('diff-editor')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/editor-diff.png', fullPage: true });

    // Reload in the middle of the edit: the draft is offered and restored.
    await page.reload();
    await page.getByLabel('Policy name').fill(name);
    await page.getByRole('button', { name: 'Build policy' }).click();
    await expect(page.getByTestId('draft-offer')).toContainText('Draft from');
    await page.getByRole('button', { name: 'Restore' }).click();
    expect(await editor.value()).toBe(narrowed);

    // Apply in audit mode.
    await editor.apply.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.page-header .badge')).toHaveText('Auditing');
    const uid = decodeURIComponent(page.url().split('/policies/')[1] ?? '');

    // Its fingerprints now deviate (the child was removed): merge one deviation back.
    await page.getByRole('tab', { name: 'Deviations' }).click();
    await expect(page.getByTestId('deviation-list')).toBeVisible();
    const processDeviation = page.getByTestId('deviation-list').getByRole('listitem').filter({ hasText: /^.*Process "/ }).first();
    await processDeviation.getByRole('link', { name: 'Merge into policy' }).click();
    await expect(page.getByTestId('editor-notice')).toContainText(/Merged 1 deviation/);
    await expect(page.getByTestId('diff-summary')).toContainText(/\+\d+ process/);
    await editor.apply.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    expect(page.url()).toContain(encodeURIComponent(uid));

    // Switch to Enforce.
    await page.getByRole('radiogroup', { name: 'Policy mode' }).getByRole('radio', { name: 'Enforce' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enforce policy' }).click();
    await expect(page.locator('.page-header .badge')).toHaveText('Enforcing');
    await page.reload();
    await expect(page.locator('.page-header .badge')).toHaveText('Enforcing');
  });

  test('a 409 on apply opens the conflict view; the edit survives and can be rebased', async ({ page }) => {
    await useApi(page, server);
    await page.goto('/policies?status=Auditing');
    const first = page.getByRole('table', { name: 'Policies' }).locator('.dt-data a').first();
    await first.click();
    await page.waitForURL(/\/policies\/[^/?]+$/);
    const uid = decodeURIComponent(page.url().split('/policies/')[1] ?? '');
    await page.goto(`/policies/${encodeURIComponent(uid)}/edit`);
    const editor = new EditorPage(page);
    const original = await editor.value();
    const mine = original.replace(/\n {2}mode: audit\n/, '\n  mode: enforce\n');
    expect(mine).not.toBe(original);
    await editor.setValue(mine);
    await server.setFaults({ conflictOnUpdate: true });
    await editor.apply.click();
    await expect(page.getByTestId('conflict-view')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/editor-conflict.png', fullPage: true });
    await page.getByRole('button', { name: 'Keep editing (nothing is lost)' }).click();
    expect(await editor.value()).toBe(mine);
    await page.reload();
    await expect(page.getByTestId('draft-offer')).toBeVisible();
    await page.getByRole('button', { name: 'Restore' }).click();
    expect(await editor.value()).toBe(mine);
    // Rebase onto their version and apply once the server accepts updates again.
    await editor.apply.click();
    await expect(page.getByTestId('conflict-view')).toBeVisible();
    await page.getByRole('button', { name: 'Rebase my edit onto theirs' }).click();
    await expect(page.getByTestId('editor-notice')).toContainText('Rebased onto');
    expect(await editor.value()).toContain('\n  mode: enforce\n');
    await server.setFaults({ conflictOnUpdate: false });
    await editor.apply.click();
    await page.waitForURL(/\/policies\/[^/]+$/);
    await expect(page.locator('.page-header .badge')).toHaveText('Enforcing');
  });
});

/** The policy minus one leaf child process (and the network rules' references to it, so it stays valid). */
function withoutALeafChild(policy: WorkloadPolicy): WorkloadPolicy {
  const copy = structuredClone(policy);
  let removed: string | null = null;
  const visit = (nodes: ProcessNode[]): void => {
    for (const n of nodes) {
      if (removed) return;
      const i = (n.children ?? []).findIndex((c) => !c.children?.length);
      if (i >= 0 && n.children) {
        removed = n.children[i]?.id ?? null;
        n.children.splice(i, 1);
        if (n.children.length === 0) delete n.children;
        return;
      }
      visit(n.children ?? []);
    }
  };
  visit(copy.spec.processPolicy);
  expect(removed).not.toBeNull();
  const prune = <R extends { processes?: string[] }>(rules: R[]): R[] =>
    rules.flatMap((r) => {
      if (!r.processes?.includes(removed ?? '')) return [r];
      const rest = r.processes.filter((p) => p !== removed);
      return rest.length ? [{ ...r, processes: rest }] : [];
    });
  copy.spec.networkPolicy = { ingress: prune(copy.spec.networkPolicy.ingress), egress: prune(copy.spec.networkPolicy.egress) };
  return copy;
}
