import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

/** One account: its policy check, details, holders, secrets panel and history. */
export class AccountPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  /** The policy check's breaches and warnings, each with its data-code. */
  get breaches(): Locator {
    return this.page.locator('.breaches li');
  }

  /** One fact of "Details and business case" (Lead, Approved...), by its label. */
  fact(label: string): Locator {
    return this.page
      .getByRole('region', { name: 'Details and business case' })
      .locator('dt', { hasText: label })
      .locator('xpath=following-sibling::dd[1]');
  }

  get currentHolders(): Locator {
    return this.page.getByRole('table', { name: 'Current holders' }).locator('tbody tr');
  }

  get pastHolders(): Locator {
    return this.page.locator('details', { hasText: 'Past holders' });
  }

  async recordApproval(approver: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Record approval' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Approved by').selectOption({ label: approver });
    await dialog.getByRole('button', { name: 'Record approval' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Fills "Add a named holder" and submits it; returns the dialog (still open if refused). */
  async addHolder(name: string, authorisedBy: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add a named holder' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Person').selectOption({ label: name });
    await dialog.getByLabel('Authorised by').selectOption({ label: authorisedBy });
    await dialog.getByRole('button', { name: 'Add holder' }).click();
    return dialog;
  }

  async changeStatus(status: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Change status' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('New status').selectOption({ label: status });
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await dialog.waitFor({ state: 'detached' });
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
