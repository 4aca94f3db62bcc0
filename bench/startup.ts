import { createCore, type CoreOptions } from '../electron/core/create-core';
import { value } from './channels';
import { median, type MemorySampler } from './measure';

/**
 * Start-up to a loaded Dashboard, as the app does it: open the vault
 * (createCore: lock the folder, open and check the database), start()
 * (unlock from the keychain, the overdue-password check), then every channel
 * the Dashboard asks for on first load, through the dispatcher. The list is
 * checked against what the built renderer really asks for (chromium.ts).
 */
export const dashboardChannels = [
  'app.clock',
  'vault.status',
  'compliance.needsYou',
  'issues.list',
  'handover.list',
  'backup.status',
  'calendar.get',
  'checks.missed',
  'holders.temporary',
  'backup.kitStatus',
  'audit.list',
] as const;

/** The inputs the Dashboard sends (renderer/src/pages/dashboard/use-needs-you.ts); {} for the rest. */
const dashboardInputs: Partial<Record<(typeof dashboardChannels)[number], unknown>> = {
  'issues.list': { status: 'open', accountId: null },
  'audit.list': { action: 'report.exported', from: '2000-01-01' },
};

export interface StartupResult {
  /** Median ms from nothing open to every Dashboard answer in hand. */
  startup: number;
  /** Median ms of the first accounts.list after that (opening Accounts from the Dashboard). */
  openAccounts: number;
}

export async function measureStartup(
  options: () => CoreOptions,
  runs: number,
  memory: MemorySampler,
): Promise<StartupResult> {
  const startups: number[] = [];
  const opens: number[] = [];
  // One untimed round first: the operating system's file cache, as after any earlier use of the vault.
  for (let round = 0; round <= runs; round += 1) {
    const start = performance.now();
    const core = createCore(options());
    try {
      await core.start();
      for (const channel of dashboardChannels) await value(core, channel, dashboardInputs[channel] ?? {});
      const loaded = performance.now();
      await value(core, 'accounts.list');
      const opened = performance.now();
      memory.sample();
      if (round > 0) {
        startups.push(loaded - start);
        opens.push(opened - loaded);
      }
    } finally {
      await core.close();
    }
  }
  return { startup: median(startups), openAccounts: median(opens) };
}
