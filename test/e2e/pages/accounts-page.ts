import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

export class AccountsPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goTo('Accounts');
  }

  async addAccount(values: {
    platform: string;
    handle: string;
    displayName?: string;
    profileUrl?: string;
    loginEmail?: string;
  }) {
    await this.page.getByRole('button', { name: 'Add account' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add an account' });
    await dialog.getByLabel('Platform').selectOption({ label: values.platform });
    await dialog.getByLabel('Handle').fill(values.handle);
    if (values.displayName) await dialog.getByLabel('Display name').fill(values.displayName);
    if (values.profileUrl) await dialog.getByLabel('Profile link').fill(values.profileUrl);
    if (values.loginEmail) await dialog.getByLabel('Login email').fill(values.loginEmail);
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  row(handle: string): Locator {
    return this.page.getByRole('row').filter({ hasText: handle });
  }

  async openAccount(handle: string): Promise<void> {
    await this.page.getByRole('link', { name: handle }).click();
    await this.page.getByRole('heading', { level: 1 }).filter({ hasText: handle }).waitFor();
  }
}
