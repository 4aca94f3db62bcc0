import type { Locator, Page } from 'playwright-core';

/** Accounts > Import a spreadsheet: the wizard's steps as the administrator uses them. */
export class ImportWizard {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import a spreadsheet' });
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import a spreadsheet' }).click();
    await this.dialog.getByRole('button', { name: 'Choose the spreadsheet…' }).click();
    await this.dialog.getByRole('group', { name: 'Which column holds what' }).waitFor();
  }

  get headerRow(): Locator {
    return this.dialog.getByLabel('Column names are in');
  }

  async checkEveryRow(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Check every row' }).click();
    await this.rows.waitFor();
  }

  get rows(): Locator {
    return this.dialog.getByRole('table', { name: 'Rows to import' });
  }

  row(rowNumber: number): Locator {
    return this.rows.locator(`tr[data-row="${rowNumber}"]`);
  }

  /** Waits for the summary line after a change has been checked again. */
  async summary(text: string | RegExp): Promise<void> {
    await this.dialog.getByRole('heading', { level: 3 }).filter({ hasText: text }).waitFor();
  }

  async text(): Promise<string> {
    return (await this.dialog.textContent()) ?? '';
  }
}
