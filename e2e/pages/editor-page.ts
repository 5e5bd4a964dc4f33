import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the policy editor (/policies/new, /policies/:uid/edit). */
export class EditorPage {
  readonly editor: Locator;
  readonly problems: Locator;
  readonly apply: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('code-editor');
    this.problems = page.getByTestId('problems');
    this.apply = page.getByRole('button', { name: /^Apply/ });
  }

  async value(): Promise<string> {
    await expect(this.page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
    return this.editor.evaluate((el) => String((el as unknown as { palisadeValue: string }).palisadeValue));
  }

  /** Replaces the whole text as a user pasting would. */
  async setValue(text: string): Promise<void> {
    await expect(this.page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
    await this.editor.evaluate((el, t) => {
      (el as unknown as { palisadeValue: string }).palisadeValue = t;
    }, text);
    await expect.poll(() => this.value()).toBe(text);
  }

  async sideTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
