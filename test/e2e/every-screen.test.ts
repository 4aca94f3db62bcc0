import { describe, expect, it } from 'vitest';
import { sectionLabels, ShellPage, type SectionLabel } from './pages/shell-page';
import { axeViolations } from './support/axe';
import { seedSchool } from './support/school';
import { useApp } from './support/suite';

/**
 * Every section and a dialog of each kind, for a school of 25 accounts and
 * 40 staff at 1366x768: axe-core (WCAG 2.1 A/AA and target size) finds
 * nothing, and a screenshot of each is kept for a person to look at.
 */
const openApp = useApp();
const clock = { now: () => new Date('2026-01-12T10:00:00Z') };

describe('every screen', () => {
  it('passes axe on every section and its main dialogs, with a screenshot of each', async () => {
    const app = await openApp({ clock });
    await seedSchool(app);
    const shell = new ShellPage(app.page);
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      await app.screenshot(`screen-${name}`);
      const violations = await axeViolations(app.page);
      if (violations.length > 0) found[name] = violations;
    };
    for (const label of sectionLabels) {
      await shell.goTo(label);
      await check(label.toLowerCase().replace(/\s+/g, '-'));
    }
    const dialogs: [SectionLabel, string][] = [
      ['Accounts', 'Add account'],
      ['Weekly checks', 'Change what is checked'],
    ];
    for (const [section, button] of dialogs) {
      await shell.goTo(section);
      await app.page.getByRole('button', { name: button }).first().click();
      await app.page.getByRole('dialog').waitFor();
      await check(`dialog-${button.toLowerCase().replace(/\s+/g, '-')}`);
      await app.page.keyboard.press('Escape');
      await app.page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await shell.goTo('Dashboard');
    await check('dashboard-1920');
    expect(found).toEqual({});
    expect(app.consoleErrors).toEqual([]);
  });
});
