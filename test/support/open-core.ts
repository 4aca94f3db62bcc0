import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import type { Clock, SecretStore } from '../../electron/core/platform';
import type { Db } from '../../electron/db/open';
import { createMemoryStore } from '../../electron/vault/keytar-store';
import type { Channel, ChannelInput, ChannelOutput, IpcError } from '../../shared/contract';
import { call, refused } from './core-calls';
import { useTempDirs } from './temp-dir';
import { runningTestClock } from './test-clock';
import { createTestPlatform, type TestPlatform } from './test-platform';

/**
 * The one way the unit tests open Keyholder: a real core over a real SQLite
 * file in a folder, the in-memory keychain unless the test brings its own,
 * the test platform whose dialogs the test answers, and `call`/`refused`
 * bound to it, driving the core only through its dispatcher as the renderer
 * does. Each domain's harness adds its own seed data on top of this.
 */
export interface CoreSession {
  core: Core;
  platform: TestPlatform;
  dataDir: string;
  store: SecretStore;
  db: Db;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  refused(channel: string, input: unknown, code: IpcError['code']): Promise<IpcError>;
}

export interface CoreOptions {
  dir: string;
  store?: SecretStore;
  clock?: Clock;
  /** Log lines go nowhere unless a test wants the file log (default: the file log, as the app). */
  quiet?: boolean;
}

export const testSchool = { schoolName: 'Test Academy', administratorName: 'Alex Admin' };

/** Opens a core without starting it (no unlock yet). */
export function createCoreSession(options: CoreOptions): CoreSession {
  const store = options.store ?? createMemoryStore();
  const platform = createTestPlatform();
  const core = createCore({
    dataDir: options.dir,
    secretStore: store,
    platform,
    clock: options.clock ?? runningTestClock(),
    ...(options.quiet ? { log: () => undefined } : {}),
  });
  return {
    core,
    platform,
    dataDir: options.dir,
    store,
    db: core.context.db,
    call: (channel, input) => call(core, channel, input),
    refused: (channel, input, code) => refused(core, channel, input, code),
  };
}

/**
 * Cores for a test file, each closed after its test. Call after the file's
 * useTempDirs, so vitest closes the core before its folder goes.
 */
export function useCoreSessions(): (options: CoreOptions) => CoreSession {
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });
  return (options) => {
    const session = createCoreSession(options);
    open.push(session.core);
    return session;
  };
}

/** Temp folders and cores together: opens, starts (unlocks from the keychain) and optionally sets up a vault. */
export function useOpenCore(prefix = 'keyholder-core-'): {
  openCore(options?: Partial<CoreOptions> & { setUp?: typeof testSchool | null }): Promise<CoreSession>;
  tempDir(): string;
} {
  const tempDir = useTempDirs(prefix);
  const sessions = useCoreSessions();
  return {
    tempDir,
    openCore: async ({ setUp = null, ...options } = {}) => {
      const session = sessions({ quiet: true, ...options, dir: options.dir ?? tempDir() });
      await session.core.start();
      if (setUp) await session.call('vault.setup', setUp);
      return session;
    },
  };
}
