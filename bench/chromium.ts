import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { SecretStore } from '../electron/core/platform';
import type { Account } from '../shared/contract';
import { chromiumPath, launchChromium } from '../test/e2e/support/browser';
import { openApp } from '../test/e2e/support/harness';
import { startStaticServer } from '../test/e2e/support/static-server';
import { describeError, median, type MemorySampler, type Row } from './measure';
import { registerMatches } from './register';

/**
 * (d) and (e) in the browser: the built renderer in Debian's Chromium, on
 * the e2e harness (window.keyholder bridged to a real core over the seeded
 * vault). Measures the time from typing into the register's search box to
 * the first animation frame whose table rows are the matching accounts.
 */
export const searchLabel = 'Search the register';
const defaultLoadTimeoutMs = 60_000;
const frameTimeoutMs = 5_000;

interface Attempt {
  ms?: number;
  error?: string;
}

interface TypeArgs {
  label: string;
  needle: string;
  expected: number;
  timeoutMs: number;
}

/** Runs inside the page: self-contained, so it may use nothing from this module. */
export function typeAndWaitForFrame({ label, needle, expected, timeoutMs }: TypeArgs): Promise<Attempt> {
  const byText = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
  const input = (byText?.control ?? document.querySelector(`[aria-label="${label}"]`)) as HTMLInputElement | null;
  if (!input) return Promise.resolve({ error: `There is no search box labelled "${label}" on the page.` });
  const rows = () =>
    Array.from(document.querySelectorAll('table tbody tr')).filter(
      (row) => row.getAttribute('aria-hidden') !== 'true' && row.querySelector('td') !== null,
    );
  const wanted = needle.toLowerCase();
  const showing = (count: number | null) => {
    const shown = rows();
    const all = shown.length > 0 && shown.every((row) => (row.textContent ?? '').toLowerCase().includes(wanted));
    return count === null ? !all : all && shown.length === count;
  };
  // Empty needle: clearing the box; wait until rows other than the last search's show again.
  const done = () => (expected === 0 ? showing(null) : showing(expected));
  if (expected > 0 && done()) return Promise.resolve({ error: `The table showed only "${needle}" before typing.` });
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  const start = performance.now();
  input.focus();
  // What a keystroke does: React's onChange listens for this input event.
  setValue?.call(input, expected === 0 ? '' : needle);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise((resolve) => {
    const frame = () => {
      const ms = performance.now() - start;
      if (done()) resolve({ ms });
      else if (ms > timeoutMs)
        resolve({
          error: `After ${timeoutMs} ms the table showed ${rows().length} rows; expected ${expected || 'all'} for "${needle}".`,
        });
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function heapMiB(page: Page): Promise<number | null> {
  const bytes = await page.evaluate(
    () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  );
  return bytes === null ? null : bytes / 1024 / 1024;
}

/** Handle fragments that pick out 1 to 10 accounts, different each run. */
function chooseNeedles(accounts: Account[], count: number): { needle: string; expected: number }[] {
  const chosen: { needle: string; expected: number }[] = [];
  const step = Math.max(1, Math.floor(accounts.length / (count * 3)));
  for (let i = step; i < accounts.length && chosen.length < count; i += step) {
    const needle = accounts[i]!.handle.replace(/^@/, '').slice(-9).toLowerCase();
    const expected = accounts.filter((a) => registerMatches(a, needle)).length;
    if (expected >= 1 && expected <= 10) chosen.push({ needle, expected });
  }
  return chosen;
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

export async function measureChromium(options: {
  dataDir: string;
  secretStore: SecretStore;
  accounts: Account[];
  runs: number;
  warmup: number;
  memory: MemorySampler;
  /** Overridable so the failure path can be tried without waiting a minute. */
  label?: string;
  loadTimeoutMs?: number;
}): Promise<Row[]> {
  const { label = searchLabel, loadTimeoutMs = defaultLoadTimeoutMs } = options;
  const n = new Intl.NumberFormat('en-GB').format(options.accounts.length);
  const typingName = `Chromium: type a search to table painted, ${n} accounts`;
  const heapName = 'Chromium JS heap, peak (MiB)';
  if (!existsSync(chromiumPath())) {
    const note = `No Chromium at ${chromiumPath()}; set KEYHOLDER_CHROMIUM.`;
    return [
      { name: typingName, median: null, target: 100, note },
      { name: heapName, median: null, note },
    ];
  }
  const cleanup: (() => void | Promise<void>)[] = [];
  const samples: number[] = [];
  let heap: number | null = null;
  let loadMs: number | null = null;
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

    const started = performance.now();
    await page.evaluate(() => {
      location.hash = '#/accounts';
    });
    await page
      .getByLabel(label, { exact: true })
      .waitFor({ state: 'visible', timeout: loadTimeoutMs })
      .catch(() => {
        throw new Error(
          `No search box labelled "${label}" appeared on the Accounts page within ${loadTimeoutMs / 1000} s (the register table may not be built yet).`,
        );
      });
    await page.locator('table tbody tr td').first().waitFor({ timeout: loadTimeoutMs });
    loadMs = performance.now() - started;
    options.memory.sample();

    const needles = chooseNeedles(options.accounts, options.runs + options.warmup);
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
  const loaded =
    loadMs === null
      ? ''
      : ` Opening the Accounts page took ${Math.round(loadMs)} ms over the e2e test bridge (Playwright's exposeFunction, much slower than Electron IPC for 10,000 accounts).`;
  const errors = pageErrors > 0 ? ` The page logged ${pageErrors} console errors, the first: "${firstPageError}".` : '';
  return [
    {
      name: typingName,
      median: failure ? null : median(samples),
      target: 100,
      note:
        failure ??
        `From setting the box's value and firing its input event to the first requestAnimationFrame whose rows are exactly the matching accounts; median of ${samples.length} searches of 1-10 matches each, after ${options.warmup} warm-up.${loaded}${errors}`,
    },
    {
      name: heapName,
      median: heap,
      note:
        heap === null
          ? failure
            ? 'Not measured: see the row above.'
            : 'performance.memory is not available in this Chromium.'
          : 'performance.memory.usedJSHeapSize (Chromium rounds it unless started with --enable-precise-memory-info).',
    },
  ];
}
