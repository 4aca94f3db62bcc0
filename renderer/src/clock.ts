import { londonToday } from '../../shared/time';
import type { Client } from './api/client';

/**
 * One clock for the whole app: the main process's. Default dates on screen
 * (a leaving date, an authorisation, a comment's received time) are the day
 * the vault keeps, not whatever this window's clock says. Read once at
 * start-up as an offset from this window's clock, so it keeps running.
 */
let offsetMs = 0;

export async function syncClock(client: Client): Promise<void> {
  const result = await client.call('app.clock', {});
  // Without an answer the window's own clock is the best there is.
  // eslint-disable-next-line no-restricted-syntax -- the one place the window's clock is read
  if (result.ok) offsetMs = Date.parse(result.value.now) - Date.now();
}

/** Now, by the main process's clock. */
export function appNow(): Date {
  // eslint-disable-next-line no-restricted-syntax -- the one place the window's clock is read
  return new Date(Date.now() + offsetMs);
}

/** Today in London as yyyy-mm-dd, by the main process's clock. */
export function appToday(): string {
  return londonToday(appNow());
}
