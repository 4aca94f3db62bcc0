import { afterEach, expect } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { Clock, SecretStore } from '../../../electron/core/platform';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import type {
  Account,
  AuditEntry,
  Channel,
  ChannelInput,
  ChannelOutput,
  IpcError,
  IpcResult,
  Person,
} from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform';

/**
 * A real core over a real SQLite file, driven through core.dispatch as the
 * renderer drives it, with a clock the test moves. `reopen` closes the core
 * and opens a new one on the same folder and keychain, as a restart does.
 */
export const administrator = 'Alex Admin';

export interface ManualClock extends Clock {
  set(iso: string): void;
}

export function manualClock(start: string): ManualClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = Date.parse(iso);
    },
  };
}

export interface Session {
  core: Core;
  platform: TestPlatform;
  clock: ManualClock;
  dataDir: string;
  store: SecretStore;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  refused(channel: Channel, input: unknown, code: IpcError['code']): Promise<IpcError>;
  account(handle: string): Promise<Account>;
  person(name: string, roles?: ('staff' | 'headteacher')[]): Promise<Person>;
  audit(action: string): Promise<AuditEntry[]>;
  count(sql: string, ...params: unknown[]): number;
  /** Closes this core and opens another on the same folder and keychain; starts it (unlock, notify). */
  reopen(clock?: ManualClock): Promise<Session>;
}

export function useRotationCores(): (options: { clock: ManualClock }) => Promise<Session> {
  const tempDir = useTempDirs('keyholder-rotation-');
  const open: Core[] = [];
  // Registered after useTempDirs, so vitest runs it first: close before the folder goes.
  afterEach(() => {
    for (const core of open.splice(0)) core.close();
  });

  const session = async (dataDir: string, store: SecretStore, clock: ManualClock, setUp: boolean): Promise<Session> => {
    const platform = createTestPlatform();
    const core = createCore({ dataDir, secretStore: store, platform, clock, log: () => undefined });
    open.push(core);
    await core.start();
    const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const result = (await core.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
      if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    const refused = async (channel: Channel, input: unknown, code: IpcError['code']): Promise<IpcError> => {
      const result = await core.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} should have been refused with ${code}, but it succeeded`);
      expect(result.error, result.error.message).toMatchObject({ code });
      return result.error;
    };
    if (setUp) await call('vault.setup', { schoolName: 'Test Academy', administratorName: administrator });
    const s: Session = {
      core,
      platform,
      clock,
      dataDir,
      store,
      call,
      refused,
      account: (handle) => call('accounts.create', { platform: 'x', handle }),
      person: (name, roles = ['staff']) =>
        call('people.create', {
          name,
          roles,
          policyAcknowledgedOn: '2025-09-02',
          trainingCompletedOn: '2025-09-03',
        }),
      audit: (action) => call('audit.list', { action }),
      count: (sql, ...params) => (core.context.db.prepare(sql).get(...params) as { n: number }).n,
      reopen: async (next = clock) => {
        core.close();
        return session(dataDir, store, next, false);
      },
    };
    return s;
  };

  return ({ clock }) => session(tempDir(), createMemoryStore(), clock, true);
}
