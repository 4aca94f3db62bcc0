import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

export interface AccountValues {
  platform: string;
  handle: string;
  displayName?: string;
  profileUrl?: string;
  loginEmail?: string;
  lead?: string;
  businessCase?: { aim: string; audience: string; promotion: string; visibility: 'Open' | 'Private or closed' };
  runners?: string[];
}

/** The register and its "Add account" dialog. */
export class AccountsPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goTo('Accounts');
  }

  /** Fills "Add an account" and adds it; Keyholder then opens the new account. */
  async addAccount(values: AccountValues): Promise<void> {
    await this.page.getByRole('button', { name: 'Add account' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add an account' });
    await dialog.getByLabel('Platform').selectOption({ label: values.platform });
    await dialog.getByLabel('Handle').fill(values.handle);
    if (values.displayName) await dialog.getByLabel('Display name').fill(values.displayName);
    if (values.profileUrl) await dialog.getByLabel('Profile link').fill(values.profileUrl);
    if (values.loginEmail) await dialog.getByLabel('Login email').fill(values.loginEmail);
    if (values.lead) await dialog.getByLabel('Lead member of staff').selectOption({ label: values.lead });
    if (values.businessCase) {
      await dialog.getByLabel('Aim of the account').fill(values.businessCase.aim);
      await dialog.getByLabel('Intended audience').fill(values.businessCase.audience);
      await dialog.getByLabel('How it will be promoted').fill(values.businessCase.promotion);
      await dialog.getByLabel(values.businessCase.visibility, { exact: true }).check();
    }
    for (const runner of values.runners ?? []) await dialog.getByLabel(runner).check();
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The register's rows (only those drawn, past 100). */
  get rows(): Locator {
    return this.page.getByRole('table', { name: 'Account register' }).locator('tbody tr.register-row');
  }

  row(handle: string): Locator {
    return this.page.getByRole('row').filter({ hasText: handle });
  }

  async openAccount(handle: string): Promise<void> {
    await this.page.getByRole('link', { name: handle }).click();
    await this.page.getByRole('heading', { level: 1 }).filter({ hasText: handle }).waitFor();
  }
}
