import type { Locator, Page } from 'playwright-core';

export const sectionLabels = [
  'Dashboard',
  'Accounts',
  'People',
  'Weekly checks',
  'Rotations',
  'Handover',
  'Reports',
  'Audit',
  'Settings',
] as const;
export type SectionLabel = (typeof sectionLabels)[number];

/** The app frame: sidebar, page heading and the error banner. */
export class ShellPage {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  link(label: SectionLabel): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get errorBanner(): Locator {
    return this.page.locator('.error-banner[role="alert"]');
  }

  async goTo(label: SectionLabel): Promise<void> {
    await this.link(label).click();
    await this.heading.filter({ hasText: label }).waitFor();
  }

  async currentSection(): Promise<string | null> {
    return this.nav.locator('[aria-current="page"]').textContent();
  }
}
