import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { openApp, type AppSession, type OpenOptions } from './harness';
import { startStaticServer } from './static-server';

/**
 * One Chromium and one static server per test file, one fresh app (data dir,
 * core, page) per test, all closed afterwards.
 */
export function useApp(): (options?: OpenOptions) => Promise<AppSession> {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  const open: AppSession[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startStaticServer();
  });
  afterEach(async () => {
    for (const app of open.splice(0)) await app.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return async (options) => {
    const app = await openApp(browser, server.url, options);
    open.push(app);
    return app;
  };
}
