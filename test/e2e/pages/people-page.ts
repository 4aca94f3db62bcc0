import type { Page } from 'playwright-core';
import { ShellPage } from './shell-page';

export interface PersonValues {
  name: string;
  jobTitle?: string;
  roles?: string[];
  acknowledged?: boolean;
  trained?: boolean;
}

/** Fills a react-aria date field (dd/mm/yyyy segments) by typing digits. */
export async function typeDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const group = page.getByRole('group', { name: label });
  await group.getByRole('spinbutton').first().click();
  await page.keyboard.type(ddmmyyyy.replace(/\D/g, ''));
}

export class PeoplePage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.goTo('People');
  }

  async addPerson(values: PersonValues): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name', { exact: true }).fill(values.name);
    if (values.jobTitle) await dialog.getByLabel('Job title').fill(values.jobTitle);
    for (const role of values.roles ?? []) await dialog.getByLabel(role, { exact: true }).check();
    if (values.acknowledged) await typeDate(this.page, 'Signed the social media policy on', '01/09/2026');
    if (values.trained) await typeDate(this.page, 'Training completed on', '02/09/2026');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
