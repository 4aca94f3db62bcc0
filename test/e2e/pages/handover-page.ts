import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

/** The departure wizard and the handover page. */
export class HandoverPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async startDeparture(personName: string): Promise<void> {
    await this.goTo('People');
    await this.page.getByRole('link', { name: personName }).click();
    await this.page.getByRole('link', { name: 'Record departure' }).click();
    await this.page.getByRole('heading', { level: 1, name: `Record the departure of ${personName}` }).waitFor();
  }

  planCard(label: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  item(label: string): Locator {
    return this.page
      .locator('.handover-item')
      .filter({ has: this.page.getByRole('heading', { name: new RegExp(label) }) });
  }
}
