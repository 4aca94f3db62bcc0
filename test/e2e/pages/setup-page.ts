import type { Page } from 'playwright-core';

export class SetupPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Welcome to Keyholder' });
  }

  async createVault(schoolName: string, administratorName: string): Promise<void> {
    await this.page.getByLabel('School name').fill(schoolName);
    await this.page.getByLabel('Your name').fill(administratorName);
    await this.page.getByRole('button', { name: 'Create the vault' }).click();
  }
}
