import type { Locator, Page } from 'playwright-core';
import { typeDate } from './people-page';
import { ShellPage } from './shell-page';

export interface FiguresValues {
  from: string;
  to: string;
  followersStart: string;
  followersEnd: string;
  schools?: string;
  counts: [string, string, string, string];
}

export interface IssueValues {
  kind: 'Complaint' | 'Query' | 'Offensive comment or abuse' | 'Press or media enquiry' | 'Other';
  receivedOn: string;
  receivedAt: string;
  comment: string;
}

/** The Reports section: the Appendix 1 report, the issues and actions log, the engagement figures. */
export class ReportsPage extends ShellPage {
  constructor(page: Page) {
    super(page);
  }

  async open(tab: 'Appendix 1 report' | 'Issues and actions' | 'Engagement figures' = 'Appendix 1 report') {
    await this.goTo('Reports');
    await this.page.getByRole('navigation', { name: 'Reports sections' }).getByRole('link', { name: tab }).click();
    if (tab !== 'Appendix 1 report') await this.page.getByRole('heading', { level: 2, name: tab }).waitFor();
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens "Enter figures" and fills it; does not submit. */
  async fillFigures(values: FiguresValues): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Enter figures' }).click();
    const dialog = this.dialog('Enter figures');
    await typeDate(this.page, 'From', values.from);
    await typeDate(this.page, 'To', values.to);
    await dialog.getByLabel('Followers at the start').fill(values.followersStart);
    await dialog.getByLabel('Followers at the end').fill(values.followersEnd);
    if (values.schools) await dialog.getByLabel('Schools').fill(values.schools);
    const [tweets, retweets, mentions, favourites] = values.counts;
    await dialog.getByLabel('Tweets', { exact: true }).fill(tweets);
    await dialog.getByLabel('Retweets').fill(retweets);
    await dialog.getByLabel('Mentions', { exact: true }).fill(mentions);
    await dialog.getByLabel('Favourites').fill(favourites);
    return dialog;
  }

  /** Opens "Log a comment" and fills the essentials; does not submit. */
  async fillIssue(values: IssueValues): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Log a comment' }).click();
    const dialog = this.dialog('Log a comment');
    await dialog.getByLabel('Kind').selectOption({ label: values.kind });
    await typeDate(this.page, 'Received on', values.receivedOn);
    await dialog.getByLabel('Received at (UK time)').fill(values.receivedAt);
    await dialog.getByLabel('Original comment').fill(values.comment);
    return dialog;
  }

  /** Opens "Import from analytics" and chooses the file (the test queues its path first). */
  async chooseAnalyticsFile(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import from analytics' }).click();
    const dialog = this.dialog('Import from an analytics export');
    await dialog.getByRole('button', { name: 'Choose the analytics file' }).click();
    await dialog.getByRole('group', { name: 'Columns' }).waitFor();
    return dialog;
  }

  async save(dialog: Locator, button: string): Promise<void> {
    await dialog.getByRole('button', { name: button }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  issueRow(text: string): Locator {
    return this.page.getByRole('table', { name: 'Issues and actions' }).getByRole('row').filter({ hasText: text });
  }

  get appendix(): Locator {
    return this.page.locator('table.appendix1');
  }

  async chooseTerm(academicYear: string, term: string): Promise<void> {
    const choose = this.page.getByRole('region', { name: 'Which report' });
    await choose.getByLabel('Cover').selectOption({ label: 'A term' });
    await choose.getByLabel('Academic year').selectOption({ label: academicYear });
    await choose.getByLabel('Term').selectOption({ label: term });
  }
}
