import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KeyholderBridge } from '../../shared/bridge';
import { launchChromium } from './support/browser';
import { openApp, type AppSession } from './support/harness';
import { startStaticServer } from './support/static-server';
import { SettingsPage } from './pages/settings-page';
import { sectionLabels, ShellPage } from './pages/shell-page';

let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let app: AppSession | null = null;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer();
});
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the app shell', () => {
  it('loads under the strict CSP and blocks inline script', async () => {
    app = await openApp(browser, server.url);
    const shell = new ShellPage(app.page);
    await expect(shell.heading.textContent()).resolves.toBe('Dashboard');
    const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    const injected = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(injected).toBe(false);
    expect(app.consoleErrors.some((text) => text.includes('Content Security Policy'))).toBe(true);
    await app.screenshot('shell-dashboard');
  });

  it('reaches every section from the sidebar by mouse and keyboard', async () => {
    app = await openApp(browser, server.url);
    const shell = new ShellPage(app.page);
    for (const label of sectionLabels) {
      await shell.goTo(label);
      expect(await shell.currentSection()).toBe(label);
    }
    await shell.goTo('Dashboard');
    await shell.link('People').focus();
    await app.page.keyboard.press('Enter');
    await shell.heading.filter({ hasText: 'People' }).waitFor();
    expect(app.page.url()).toContain('#/people');
  });

  it('round-trips a real channel: Settings shows app.info from the core', async () => {
    app = await openApp(browser, server.url);
    const settings = new SettingsPage(app.page);
    await settings.open();
    await expect(settings.version.textContent()).resolves.toBe('e2e');
    await expect(settings.dataDir.textContent()).resolves.toBe(app.dataDir);
    await app.screenshot('settings-about');
  });

  it('saves the school settings, and the sidebar and the form show them at once', async () => {
    app = await openApp(browser, server.url);
    const settings = new SettingsPage(app.page);
    await settings.open();
    await settings.renameSchool("St Mary's Primary");
    await settings.nav.getByText("St Mary's Primary").waitFor();
    expect(await app.page.getByLabel('School name').inputValue()).toBe("St Mary's Primary");
    const saved = await app.core.dispatch('settings.get', {});
    expect(saved).toMatchObject({
      ok: true,
      value: { schoolName: "St Mary's Primary", administratorName: 'Alex Admin' },
    });
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows the typed error when a malformed payload reaches the dispatcher', async () => {
    app = await openApp(browser, server.url);
    const settings = new SettingsPage(app.page);
    app.mangleCalls('app.info', () => ({ junk: '<script>alert(1)</script>' }));
    await settings.open();
    await settings.errorBanner.waitFor();
    expect(await settings.errorBanner.getAttribute('data-code')).toBe('INVALID_INPUT');
    expect(await settings.errorBanner.textContent()).toContain('nothing was changed');
    expect(await app.page.getByText('Keyholder could not read its details').isVisible()).toBe(true);
    await app.screenshot('malformed-call-error');
  });

  it('refuses a channel outside the contract without breaking the page', async () => {
    app = await openApp(browser, server.url);
    const result = await app.page.evaluate(() =>
      (window as unknown as { keyholder: KeyholderBridge }).keyholder.invoke('vault.dumpEverything', {}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(new ShellPage(app.page).heading.textContent()).resolves.toBe('Dashboard');
  });
});
