import type { Clock } from '../../electron/core/platform';

/**
 * The clock every test gets unless it brings its own: a fixed Monday in term
 * time (23/11/2026, 12:00 London) that runs on from there at real speed, so
 * durations (auto-lock, the clipboard clearing) are real but no date on screen
 * or in the vault depends on when or where the suite runs.
 */
export function runningTestClock(startsAt = '2026-11-23T12:00:00Z'): Clock {
  const origin = Date.parse(startsAt);
  const started = performance.now();
  return { now: () => new Date(origin + (performance.now() - started)) };
}
