/**
 * What the bench runs inside the page (chromium.ts). Each function is
 * serialised by Playwright and run in the browser, so it is self-contained:
 * it may use nothing from this module or any other.
 */

export interface BenchWindow {
  __keyholderInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
  __benchCalls?: { channel: string; sent: number; arrived: number }[];
  __benchFirstRows?: number;
  __benchOpenedAt?: number;
  /** Answers fetched ahead (fetchAhead), each handed to the app's next call of its channel instead of the bridge's. */
  __benchAnswers?: Record<string, unknown>;
}

/**
 * An init script: wraps the e2e bridge's exposed function (the harness's
 * window.keyholder looks it up on every call) to note when each call was
 * sent and answered, in the page's clock. A call whose answer was fetched
 * ahead (fetchAhead) is answered with it, once.
 */
export function recordCalls(): void {
  const w = window as unknown as BenchWindow;
  const calls: NonNullable<BenchWindow['__benchCalls']> = [];
  w.__benchCalls = calls;
  const wrap = () => {
    const original = w.__keyholderInvoke;
    if (typeof original !== 'function') return false;
    w.__keyholderInvoke = async (channel, payload) => {
      const sent = performance.now();
      const kept = w.__benchAnswers?.[channel];
      if (kept !== undefined) delete w.__benchAnswers![channel];
      const result = kept !== undefined ? kept : await original(channel, payload);
      calls.push({ channel, sent, arrived: performance.now() });
      return result;
    };
    return true;
  };
  // Playwright may install its binding after this script: try again until it is there.
  if (!wrap()) {
    const timer = setInterval(() => {
      if (wrap()) clearInterval(timer);
    }, 0);
  }
}

/**
 * Fetches a channel's answer over the bridge ahead of the app, so the app's
 * next call of it is answered from the page's memory, and returns the
 * bridge's time for it. After a large answer the bridge (Playwright's
 * binding, through the DevTools protocol) holds the page's main thread: a
 * timer set as a 2.7 MB accounts.list answer arrives fires 90-135 ms late,
 * against under 1 ms after a small answer. Electron's IPC has no such
 * stall, so it is waited out here rather than counted as the renderer's.
 */
export async function fetchAhead(channel: string): Promise<number> {
  const w = window as unknown as BenchWindow;
  const start = performance.now();
  const answer = await w.__keyholderInvoke!(channel, {});
  const ms = performance.now() - start;
  (w.__benchAnswers ??= {})[channel] = answer;
  // Until a timer fires on time (within 5 ms), twice running: the stall is over.
  for (let onTime = 0; onTime < 2;) {
    const set = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    onTime = performance.now() - set < 5 ? onTime + 1 : 0;
  }
  return ms;
}

/** Opens Accounts and notes the first animation frame whose table has register rows. */
export function watchFirstRows(): void {
  const w = window as unknown as BenchWindow;
  w.__benchOpenedAt = performance.now();
  const frame = () => {
    const onAccounts = document.getElementById('page-title')?.textContent === 'Accounts';
    if (onAccounts && document.querySelector('table tbody tr td')) w.__benchFirstRows = performance.now();
    else requestAnimationFrame(frame);
  };
  location.hash = '#/accounts';
  requestAnimationFrame(frame);
}

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
