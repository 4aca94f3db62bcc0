import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Core } from '../../../electron/core/create-core';
import type { Clock, SecretStore } from '../../../electron/core/platform';
import type { Account } from '../../../shared/contract';
import type { PlatformId } from '../../../shared/policy/platforms';
import { call } from '../../support/core-calls';
import type { TestPlatform } from '../../support/test-platform';
import { useCoreSessions } from '../../support/open-core';

export { call, readTree, refused } from '../../support/core-calls';

/**
 * Shared set-up for the vault, audit and settings tests: a real core over a
 * real SQLite file, driven through the same dispatcher the renderer uses.
 */
export interface Harness {
  core: Core;
  platform: TestPlatform;
  dataDir: string;
  store: SecretStore;
}

export const school = "St Mary's Primary School";
export const administrator = 'Ms Priya Okafor';

/** Cores closed after each test (see test/support/open-core.ts); call after useTempDirs so it runs first. */
export function useCores(): (dataDir: string, options?: { store?: SecretStore; clock?: Clock }) => Harness {
  const sessions = useCoreSessions();
  return (dataDir, options = {}) => sessions({ dir: dataDir, ...options });
}

export async function setUpVault(core: Core): Promise<void> {
  await call(core, 'vault.setup', { schoolName: school, administratorName: administrator });
}

export async function addAccount(core: Core, handle: string, platform: PlatformId = 'x'): Promise<Account> {
  return call(core, 'accounts.create', { platform, handle, displayName: `${handle} account` });
}

/** A clock the test moves by hand. */
export function manualClock(
  start = '2025-01-06T09:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
  };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
