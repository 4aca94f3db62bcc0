import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './shell-page';

export class AuditPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goTo('Audit');
  }

  get chainStatus(): Locator {
    return this.page.getByRole('status').filter({ has: this.page.getByRole('heading', { name: /audit log/ }) });
  }

  rows(action?: string): Locator {
    const rows = this.page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr');
    return action ? rows.filter({ hasText: action }) : rows;
  }

  async filterAction(label: string): Promise<void> {
    await this.page.getByLabel('Action').selectOption({ label });
  }
}
