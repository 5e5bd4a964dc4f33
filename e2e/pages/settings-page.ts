import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for Settings → Data source. */
export class SettingsPage {
  readonly heading: Locator;
  readonly currentSource: Locator;
  readonly demoRadio: Locator;
  readonly apiRadio: Locator;
  readonly baseUrl: Locator;
  readonly apiKey: Locator;
  readonly remember: Locator;
  readonly testButton: Locator;
  readonly connectButton: Locator;
  readonly forgetButton: Locator;
  readonly useDemoButton: Locator;
  readonly result: Locator;
  readonly org: Locator;
  readonly overview: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    this.currentSource = page.getByTestId('current-source');
    this.demoRadio = page.getByRole('radio', { name: /Demo data/ });
    this.apiRadio = page.getByRole('radio', { name: /^API/ });
    this.baseUrl = page.getByLabel('Base URL');
    this.apiKey = page.getByLabel('API key');
    this.remember = page.getByRole('checkbox', { name: 'Remember on this device' });
    this.testButton = page.getByRole('button', { name: 'Test connection' });
    this.connectButton = page.getByRole('button', { name: 'Connect', exact: true });
    this.forgetButton = page.getByRole('button', { name: 'Forget key' });
    this.useDemoButton = page.getByRole('button', { name: 'Use demo data' });
    this.result = page.getByTestId('connection-result');
    this.org = page.getByLabel('Organization');
    this.overview = page.getByTestId('data-overview');
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
    await expect(this.heading).toBeVisible();
  }

  async fillApi(baseUrl: string, key: string): Promise<void> {
    await this.apiRadio.check();
    await this.baseUrl.fill(baseUrl);
    await this.apiKey.fill(key);
  }

  async testConnection(): Promise<void> {
    await this.testButton.click();
    await expect(this.result).toBeVisible();
  }

  /** Picks the org (by uid) offered after a successful test, and connects. */
  async connect(orgUid: string): Promise<void> {
    await this.org.selectOption(orgUid);
    await this.connectButton.click();
  }

  fault(name: string | RegExp): Locator {
    return this.page.getByRole('checkbox', { name });
  }
}
