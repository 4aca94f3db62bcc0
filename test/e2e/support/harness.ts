import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { Clock, SecretStore } from '../../../electron/core/platform';
import { createTrackedKeychain } from '../../support/keychain';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform';
import { chromiumPdfRenderer } from '../../support/print-pdf';
import { runningTestClock } from '../../support/test-clock';

type Mangle = (payload: unknown) => unknown;

export interface AppSession {
  page: Page;
  core: Core;
  platform: TestPlatform;
  dataDir: string;
  /** Console messages Chromium reported as errors (CSP violations among them). */
  consoleErrors: string[];
  /** Changes every payload sent on `channel` from now on, as a buggy or hostile renderer might. */
  mangleCalls(channel: string, mangle: Mangle): void;
  /** The whole page by default; `window` only what fits the window (a dialog over the page as it is seen). */
  screenshot(name: string, what?: 'page' | 'window'): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Set up the vault before the page opens (default true); false shows the first-run screen. */
  setup?: boolean;
  dataDir?: string;
  clock?: Clock;
  secretStore?: SecretStore;
  /** The window's size; a school laptop's 1366x768 unless given. */
  viewport?: { width: number; height: number };
}

const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

/**
 * Opens the built renderer in a fresh page whose `window.keyholder` bridge
 * calls the real dispatcher of a real core in this process: the same path
 * as preload -> ipcMain -> dispatch in Electron, with a fresh data dir and
 * the real keychain.
 */
export async function openApp(browser: Browser, url: string, options: OpenOptions = {}): Promise<AppSession> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'keyholder-e2e-'));
  const ownsDir = !options.dataDir;
  const keychain = options.secretStore ? null : createTrackedKeychain();
  const platform = createTestPlatform();
  const core = createCore({
    dataDir,
    platform,
    secretStore: options.secretStore ?? keychain!,
    clock: options.clock ?? runningTestClock(),
    appVersion: 'e2e',
  });
  await core.start();
  if (options.setup ?? true) {
    const result = await core.dispatch('vault.setup', { schoolName: 'Test Academy', administratorName: 'Alex Admin' });
    if (!result.ok) throw new Error(`Vault setup failed in the harness: ${result.error.message}`);
  }
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  platform.pdfRenderer = chromiumPdfRenderer(browser);

  // Push events (vault locked) reach the page the way webContents.send would.
  platform.onEmit = (event) => {
    void page
      .evaluate(
        (name) => (window as unknown as { __keyholderEmit?: (n: string) => void }).__keyholderEmit?.(name),
        event,
      )
      .catch(() => undefined);
  };

  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  const mangles = new Map<string, Mangle>();
  await page.exposeFunction('__keyholderInvoke', async (channel: unknown, payload: unknown) => {
    const mangle = typeof channel === 'string' ? mangles.get(channel) : undefined;
    return core.dispatch(channel, mangle ? mangle(payload) : payload);
  });
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<() => void>>();
    // Looked up per call: Playwright installs the exposed binding itself.
    const invoke = (channel: string, payload: unknown) =>
      (window as unknown as { __keyholderInvoke: (c: string, p: unknown) => Promise<unknown> }).__keyholderInvoke(
        channel,
        payload,
      );
    (window as unknown as Record<string, unknown>).__keyholderEmit = (name: string) =>
      listeners.get(name)?.forEach((listener) => listener());
    Object.defineProperty(window, 'keyholder', {
      value: Object.freeze({
        invoke: (channel: string, payload: unknown) => invoke(channel, payload),
        onEvent: (name: string, listener: () => void) => {
          const set = listeners.get(name) ?? new Set();
          set.add(listener);
          listeners.set(name, set);
          return () => set.delete(listener);
        },
      }),
    });
  });
  await page.goto(url);

  return {
    page,
    core,
    platform,
    dataDir,
    consoleErrors,
    mangleCalls: (channel, mangle) => mangles.set(channel, mangle),
    screenshot: async (name, what = 'page') => {
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      writeFileSync(path, await page.screenshot({ fullPage: what === 'page' }));
      return path;
    },
    close: async () => {
      await context.close();
      core.close();
      await keychain?.cleanup();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
