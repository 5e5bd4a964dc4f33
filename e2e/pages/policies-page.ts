import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for /policies and a policy's detail page. */
export class PoliciesPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Policies' });
    this.search = page.getByRole('searchbox', { name: 'Search policies' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/policies${query}`);
    await expect(this.table).toBeVisible({ timeout: 30_000 });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  modeOf(name: string): Locator {
    return this.row(name).getByRole('radiogroup');
  }

  async requestMode(name: string, mode: 'Audit' | 'Enforce' | 'Disabled'): Promise<void> {
    await this.modeOf(name).getByRole('radio', { name: mode }).click();
    await expect(this.dialog).toBeVisible();
  }

  async select(names: readonly string[]): Promise<void> {
    for (const n of names) await this.row(n).getByRole('checkbox').check();
  }

  /** Names of policies in a given status, as the table shows them (top first). */
  async namesWithStatus(status: 'Auditing' | 'Enforcing' | 'Disabled'): Promise<string[]> {
    await this.page.goto(`/policies?status=${status}`);
    await expect(this.table).toBeVisible({ timeout: 30_000 });
    return this.table.locator('.dt-data a').allTextContents();
  }
}
