import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the dashboard (/). */
export class DashboardPage {
  readonly heading: Locator;
  readonly deviations: Locator;
  readonly redFlags: Locator;
  readonly topPolicies: Locator;
  readonly topWorkloads: Locator;
  readonly policyStatus: Locator;
  readonly readiness: Locator;
  readonly cluster: Locator;
  readonly namespace: Locator;
  readonly policy: Locator;
  readonly range: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.deviations = page.getByTestId('chart-deviations');
    this.redFlags = page.getByTestId('chart-redflags');
    this.topPolicies = page.getByTestId('chart-top-policies');
    this.topWorkloads = page.getByTestId('chart-top-workloads');
    this.policyStatus = page.getByTestId('chart-policy-status');
    this.readiness = page.getByTestId('readiness');
    this.cluster = page.getByRole('combobox', { name: 'Cluster' });
    this.namespace = page.getByRole('combobox', { name: 'Namespace' });
    this.policy = page.getByRole('combobox', { name: 'Policy' });
    this.range = page.getByRole('group', { name: 'Time range' });
  }

  /** The five chart panels. */
  charts(): Locator[] {
    return [this.deviations, this.redFlags, this.topPolicies, this.topWorkloads, this.policyStatus];
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** Waits until no chart is loading. */
  async settled(timeout = 30_000): Promise<void> {
    for (const c of this.charts()) await expect(c).not.toHaveAttribute('data-state', 'loading', { timeout });
  }

  async setRange(label: '24 h' | '7 d' | '30 d'): Promise<void> {
    await this.range.getByRole('button', { name: label, exact: true }).click();
  }

  /** The bars (SVG rectangles) of a chart panel. */
  bars(panel: Locator): Locator {
    return panel.locator('.recharts-bar-rectangle path');
  }

  legend(panel: Locator): Locator {
    return panel.locator('.chart-legend').first();
  }

  readinessRow(name: string): Locator {
    return this.readiness.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
