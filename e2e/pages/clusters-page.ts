import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for /clusters and /clusters/:uid. */
export class ClustersPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.search = page.getByRole('searchbox', { name: 'Search clusters' });
    this.table = page.getByRole('table', { name: 'Clusters' });
    this.rows = this.table.locator('.dt-data');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/clusters${query}`);
    await expect(this.heading).toHaveText('Clusters');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The row's cells as text, keyed by column header. */
  async cells(name: string): Promise<Record<string, string>> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const cells = await this.row(name).getByRole('cell').allInnerTexts();
    return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, '').trim(), (cells[i] ?? '').trim()]));
  }
}

export class ClusterDetail {
  readonly namespaces: Locator;
  readonly covering: Locator;
  readonly deviations: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.namespaces = page.locator('section[aria-labelledby="ns-heading"]');
    this.covering = page.locator('section[aria-labelledby="cov-heading"]');
    this.deviations = page.locator('section[aria-labelledby="dev-heading"]');
    this.filter = page.getByRole('searchbox', { name: 'Filter namespaces and workloads' });
  }

  namespace(name: string): Locator {
    return this.namespaces.locator('details').filter({ has: this.page.locator('summary strong', { hasText: new RegExp(`^${name}$`) }) });
  }
}
