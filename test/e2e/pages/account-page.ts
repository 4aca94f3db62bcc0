import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

/** One account: its secrets panel and history. */
export class AccountPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  secretGroup(label: 'Password' | 'Recovery codes' | 'Two-factor notes'): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  async setGeneratedPassword(reason?: string): Promise<string> {
    await this.page.getByRole('button', { name: /^(Set|Change) password$/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Generate a strong password' }).click();
    const input = dialog.getByLabel('New password');
    await dialog.getByText('meets the school policy').waitFor();
    const value = await input.inputValue();
    if (reason) await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Save password' }).click();
    await dialog.waitFor({ state: 'detached' });
    return value;
  }

  async typePassword(value: string, reason: string): Promise<Locator> {
    await this.page.getByRole('button', { name: /^(Set|Change) password$/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('New password').fill(value);
    await dialog.getByLabel('Reason').fill(reason);
    return dialog;
  }

  get revealedPassword(): Locator {
    return this.page.getByTestId('secret-password-value');
  }

  async revealPassword(): Promise<string> {
    await this.page.getByRole('button', { name: 'Reveal password' }).click();
    return (await this.revealedPassword.textContent()) ?? '';
  }

  async copyPassword(): Promise<void> {
    await this.page.getByRole('button', { name: 'Copy password' }).click();
    await this.page.getByText(/^Copied\./).waitFor();
  }
}
