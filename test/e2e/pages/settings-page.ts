import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

export class SettingsPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goTo('Settings');
  }

  get version(): Locator {
    return this.page.getByTestId('app-version');
  }

  get dataDir(): Locator {
    return this.page.getByTestId('data-dir');
  }

  /** Changes the school's name in "School and policy" and saves it. */
  async renameSchool(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'School and policy' });
    await form.getByLabel('School name').fill(name);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  }
}
