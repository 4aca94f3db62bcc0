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
}
