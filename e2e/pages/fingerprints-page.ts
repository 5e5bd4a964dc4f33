import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for /fingerprints: search, facet filters, grouped or flat table, selection. */
export class FingerprintsPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly count: Locator;
  readonly groupTable: Locator;
  readonly flatTable: Locator;
  readonly rows: Locator;
  readonly chips: Locator;
  readonly selection: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Fingerprints' });
    this.search = page.getByRole('searchbox', { name: 'Filter by image or service' });
    this.count = page.getByTestId('fingerprint-count');
    this.groupTable = page.getByRole('table', { name: 'Fingerprint groups' });
    this.flatTable = page.getByRole('table', { name: 'Fingerprints', exact: true });
    this.rows = page.locator('main .dt-data');
    this.chips = page.getByRole('list', { name: 'Active filters' });
    this.selection = page.getByRole('region', { name: 'Selection' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/fingerprints${query}`);
    await expect(this.heading).toBeVisible();
  }

  async waitForRows(): Promise<void> {
    await expect(this.rows.first()).toBeVisible();
  }

  facetButton(label: string): Locator {
    return this.page.getByRole('search', { name: 'Filter fingerprints' }).getByRole('button', { name: new RegExp(`^${label}`) });
  }

  facetPanel(label: string): Locator {
    return this.page.getByRole('group', { name: `${label} filter` });
  }

  /** Opens a facet, ticks the values (finding them through the facet's search when it has one), closes it. */
  async filter(label: string, ...values: string[]): Promise<void> {
    await this.facetButton(label).click();
    const panel = this.facetPanel(label);
    await expect(panel).toBeVisible();
    for (const value of values) {
      const find = panel.getByRole('searchbox');
      if (await find.count()) await find.fill(value);
      await panel.getByRole('checkbox', { name: value, exact: true }).check();
    }
    await panel.getByRole('button', { name: 'Done' }).click();
    await expect(panel).toBeHidden();
  }

  /** Text of the visible rows' cells, row by row. */
  async rowTexts(limit = 8): Promise<string[]> {
    const n = Math.min(limit, await this.rows.count());
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await this.rows.nth(i).innerText()).replace(/\s+/g, ' ').trim());
    return out;
  }

  /** The name (first link or button) of each visible row. */
  async names(): Promise<string[]> {
    return this.rows.locator('.fp-name > :first-child').allInnerTexts();
  }

  groupRow(name: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name }) });
  }
}

/** Page object for /fingerprints/:id. */
export class FingerprintDetail {
  readonly tree: Locator;
  readonly treeSearch: Locator;
  readonly matches: Locator;
  readonly yaml: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree');
    this.treeSearch = page.getByLabel('Search processes');
    this.matches = page.getByTestId('tree-matches');
    this.yaml = page.getByTestId('fingerprint-yaml');
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  items(): Locator {
    return this.tree.getByRole('treeitem');
  }

  item(processId: string): Locator {
    return this.tree.locator(`[data-process-id="${processId}"]`);
  }
}

/**
 * Points the console at an API (e.g. the mock server) before the app boots, as Settings
 * would after "Connect": data source in localStorage, key in sessionStorage.
 */
export async function useApiSource(page: Page, baseUrl: string, org: string, key = 'palisade-demo-key'): Promise<void> {
  await page.addInitScript(
    ([url, o, k]) => {
      localStorage.setItem('palisade.dataSource', JSON.stringify({ kind: 'api', baseUrl: url, org: o }));
      sessionStorage.setItem('palisade.apiKey', k);
    },
    [baseUrl, org, key] as const,
  );
}

/** Where screenshots go (next to the run's other output). */
export function screenshotPath(name: string): string {
  return `${process.env.PALISADE_E2E_OUT ?? 'test-results'}/screenshots/${name}.png`;
}

/** Markup that must stay text: if any of it were parsed as HTML, an element or a CSP violation would show. */
export const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

type Json = Record<string, unknown>;

/**
 * Rewrites API responses of `baseUrl` on the way to the page (search pages, cluster list,
 * policy lists), so data strings carry `PAYLOAD`. `edit` gets each JSON body and the path.
 */
export async function rewriteApi(page: Page, baseUrl: string, edit: (body: unknown, path: string) => unknown): Promise<void> {
  await page.route(
    (url) => url.href.startsWith(baseUrl) && url.pathname.startsWith('/api/v1/'),
    async (route) => {
      const response = await route.fetch();
      const type = response.headers()['content-type'] ?? '';
      if (!type.includes('json') || type.includes('ndjson')) return route.fulfill({ response });
      const body = (await response.json()) as unknown;
      return route.fulfill({ response, json: edit(body, new URL(route.request().url()).pathname) });
    },
  );
}

export function asRecord(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}
