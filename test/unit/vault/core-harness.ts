import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { Clock, SecretStore } from '../../../electron/core/platform';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import type { Account } from '../../../shared/contract';
import type { PlatformId } from '../../../shared/policy/platforms';
import { call } from '../../support/core-calls';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform';

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

/** Closes every core a test opened; call after useTempDirs so it runs first. */
export function useCores(): (dataDir: string, options?: { store?: SecretStore; clock?: Clock }) => Harness {
  const open: Core[] = [];
  afterEach(() => {
    for (const core of open.splice(0)) core.close();
  });
  return (dataDir, options = {}) => {
    const platform = createTestPlatform();
    const store = options.store ?? createMemoryStore();
    const core = createCore({ dataDir, secretStore: store, platform, clock: options.clock });
    open.push(core);
    return { core, platform, dataDir, store };
  };
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
