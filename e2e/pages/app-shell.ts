import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the console frame shared by every route. */
export class AppShell {
  readonly nav: Locator;
  readonly heading: Locator;
  readonly themeToggle: Locator;
  readonly dataSource: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation');
    this.heading = page.getByRole('heading', { level: 1 });
    this.themeToggle = page.getByTestId('theme-toggle');
    this.dataSource = page.getByTestId('data-source');
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  async navigate(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: label }).click();
  }

  /** Sets the theme through the toggle until it shows `theme`. */
  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    for (let i = 0; i < 3; i++) {
      if ((await this.page.locator('html').getAttribute('data-theme')) === theme && (await this.themeToggle.getAttribute('data-preference')) === theme) return;
      await this.themeToggle.click();
    }
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }
}
