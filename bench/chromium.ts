import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { SecretStore } from '../electron/core/platform';
import { chromiumPath, launchChromium } from '../test/e2e/support/browser';
import { openApp } from '../test/e2e/support/harness';
import { startStaticServer } from '../test/e2e/support/static-server';
import { describeError, median, type MemorySampler, type Row } from './measure';
import type { Needle } from './register';
import { fetchAhead, recordCalls, typeAndWaitForFrame, watchFirstRows, type BenchWindow } from './page-scripts';

/**
 * (d) and (e) in the browser: the built renderer in Debian's Chromium, on
 * the e2e harness (window.keyholder bridged to a real core over the seeded
 * vault). Measures the time from typing into the register's search box to
 * the first animation frame whose table rows are the matching accounts.
 */
export const searchLabel = 'Search the register';
const defaultLoadTimeoutMs = 60_000;
const frameTimeoutMs = 5_000;

async function heapMiB(page: Page): Promise<number | null> {
  const bytes = await page.evaluate(
    () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  );
  return bytes === null ? null : bytes / 1024 / 1024;
}

/** The renderer built fresh into a temp folder (so dist/ is never stale or disturbed), or KEYHOLDER_BENCH_RENDERER. */
async function rendererDir(cleanup: (() => void)[]): Promise<string> {
  const given = process.env.KEYHOLDER_BENCH_RENDERER;
  if (given) {
    if (!existsSync(join(given, 'index.html'))) throw new Error(`KEYHOLDER_BENCH_RENDERER=${given} has no index.html.`);
    return resolve(given);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'keyholder-bench-renderer-'));
  cleanup.push(() => rmSync(outDir, { recursive: true, force: true }));
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export interface ChromiumResult {
  rows: Row[];
  /** ms from the page having accounts.list's answer to the first frame with rows; null if not measured. */
  renderMs: number | null;
  /** The channels the Dashboard asked for on first load, in order. */
  firstLoad: string[];
}

export async function measureChromium(options: {
  dataDir: string;
  secretStore: SecretStore;
  /** The register's size, and what to search it for (chooseNeedles: runs + warmup of them). */
  size: number;
  needles: Needle[];
  runs: number;
  warmup: number;
  memory: MemorySampler;
  /** Overridable so the failure path can be tried without waiting a minute. */
  label?: string;
  loadTimeoutMs?: number;
}): Promise<ChromiumResult> {
  const { label = searchLabel, loadTimeoutMs = defaultLoadTimeoutMs } = options;
  const n = new Intl.NumberFormat('en-GB').format(options.size);
  const typingName = `Chromium: type a search to table painted, ${n} accounts`;
  const heapName = 'Chromium JS heap, peak (MiB)';
  if (!existsSync(chromiumPath())) {
    const note = `No Chromium at ${chromiumPath()}; set KEYHOLDER_CHROMIUM.`;
    return {
      rows: [
        { name: typingName, value: null, note },
        { name: heapName, value: null, unit: 'MiB', target: { max: 100 }, note },
      ],
      renderMs: null,
      firstLoad: [],
    };
  }
  const cleanup: (() => void | Promise<void>)[] = [];
  const samples: number[] = [];
  let heap: number | null = null;
  let bridgeDashboardMs: number | null = null;
  let bridgeOpenMs: number | null = null;
  let renderMs: number | null = null;
  let firstLoad: string[] = [];
  let failure: string | null = null;
  let pageErrors = 0;
  let firstPageError = '';
  try {
    const root = await rendererDir(cleanup as (() => void)[]);
    const browser = await launchChromium();
    cleanup.unshift(() => browser.close());
    const server = await startStaticServer(root);
    cleanup.unshift(() => server.close());
    const app = await openApp(browser, server.url, {
      dataDir: options.dataDir,
      secretStore: options.secretStore,
      setup: false,
    });
    cleanup.unshift(() => app.close());
    const { page } = app;

    // Records each call the page makes (sent, answered) and the first frame with table rows.
    await page.addInitScript(recordCalls);
    await page.reload();
    const dashboardStart = performance.now();
    // The Dashboard's counts line shows once its share of the accounts' states is in (compliance.needsYou).
    await page.getByTestId('state-counts').waitFor({ timeout: loadTimeoutMs });
    bridgeDashboardMs = performance.now() - dashboardStart;
    firstLoad = await page.evaluate(() => (window as unknown as BenchWindow).__benchCalls?.map((c) => c.channel) ?? []);

    // The bridge's time for accounts.list, apart: the app's own call is then answered from the page's memory.
    bridgeOpenMs = await page.evaluate(fetchAhead, 'accounts.list');
    await page.evaluate(watchFirstRows);
    await page
      .getByLabel(label, { exact: true })
      .waitFor({ state: 'visible', timeout: loadTimeoutMs })
      .catch(() => {
        throw new Error(
          `No search box labelled "${label}" appeared on the Accounts page within ${loadTimeoutMs / 1000} s (the register table may not be built yet).`,
        );
      });
    await page.locator('table tbody tr td').first().waitFor({ timeout: loadTimeoutMs });
    const opened = await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      const call = w.__benchCalls?.findLast((c) => c.channel === 'accounts.list');
      return { call, rowsAt: w.__benchFirstRows ?? null, clicked: w.__benchOpenedAt ?? null };
    });
    if (!opened.call || opened.rowsAt === null || opened.clicked === null || opened.call.sent < opened.clicked)
      throw new Error('The page did not record its accounts.list call or its first frame with rows.');
    renderMs = opened.rowsAt - opened.call.arrived;
    heap = await heapMiB(page);
    options.memory.sample();

    const { needles } = options;
    if (needles.length < options.runs + options.warmup) throw new Error('Could not choose enough search words.');
    for (const [index, { needle, expected }] of needles.entries()) {
      const typed = await page.evaluate(typeAndWaitForFrame, {
        label,
        needle,
        expected,
        timeoutMs: frameTimeoutMs,
      });
      if (typed.error !== undefined || typed.ms === undefined) throw new Error(typed.error ?? 'No time measured.');
      if (index >= options.warmup) samples.push(typed.ms);
      const cleared = await page.evaluate(typeAndWaitForFrame, {
        label,
        needle,
        expected: 0,
        timeoutMs: frameTimeoutMs,
      });
      if (cleared.error !== undefined) throw new Error(`Clearing the search: ${cleared.error}`);
      const now = await heapMiB(page);
      if (now !== null) heap = Math.max(heap ?? 0, now);
      options.memory.sample();
    }
    pageErrors = app.consoleErrors.length;
    firstPageError = app.consoleErrors[0]?.slice(0, 160) ?? '';
  } catch (error) {
    failure = describeError(error);
  } finally {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
  }
  const bridge =
    bridgeOpenMs === null || bridgeDashboardMs === null
      ? ''
      : ` Over the e2e test bridge (Playwright's exposeFunction: JSON through the DevTools protocol, far slower than Electron's IPC), the Dashboard took ${Math.round(bridgeDashboardMs)} ms to load and accounts.list ${Math.round(bridgeOpenMs)} ms from asking to answer; those are the bridge's, not the app's, and are left out of the targets. So is the bridge's stall after a large answer (it holds the page's main thread some 100 ms): accounts.list is fetched over the bridge ahead of opening Accounts and the app's call answered from the page's memory.`;
  const errors = pageErrors > 0 ? ` The page logged ${pageErrors} console errors, the first: "${firstPageError}".` : '';
  return {
    rows: [
      {
        name: `Chromium: accounts.list answer to first painted rows, ${n} accounts`,
        value: failure ? null : renderMs,
        note:
          failure ??
          `From the moment the page has the answer to the first requestAnimationFrame with register rows in the table.${bridge}${errors}`,
      },
      {
        name: typingName,
        value: failure ? null : median(samples),
        note:
          failure ??
          `From setting the box's value and firing its input event to the first requestAnimationFrame whose rows are exactly the matching accounts; median of ${samples.length} searches of 1-10 matches each, after ${options.warmup} warm-up.`,
      },
      {
        name: heapName,
        value: heap,
        unit: 'MiB',
        target: { max: 100 },
        note:
          heap === null
            ? failure
              ? 'Not measured: see the rows above.'
              : 'performance.memory is not available in this Chromium.'
            : 'performance.memory.usedJSHeapSize, the highest seen after opening Accounts and after each search (Chromium rounds it unless started with --enable-precise-memory-info).',
      },
    ],
    renderMs: failure ? null : renderMs,
    firstLoad,
  };
}
