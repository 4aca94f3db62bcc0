import { type Core } from '../../../electron/core/create-core';
import type { Clock, SecretStore } from '../../../electron/core/platform';
import { createMemoryStore } from '../../../electron/vault/keytar-store';
import type {
  Account,
  AuditEntry,
  Channel,
  ChannelInput,
  ChannelOutput,
  IpcError,
  Person,
} from '../../../shared/contract';
import { useTempDirs } from '../../support/temp-dir';
import { type TestPlatform } from '../../support/test-platform';
import { useCoreSessions } from '../../support/open-core';

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
  const sessions = useCoreSessions();

  const session = async (dataDir: string, store: SecretStore, clock: ManualClock, setUp: boolean): Promise<Session> => {
    const base = sessions({ dir: dataDir, store, clock, quiet: true });
    const { core, call } = base;
    await core.start();
    if (setUp) await call('vault.setup', { schoolName: 'Test Academy', administratorName: administrator });
    const s: Session = {
      ...base,
      clock,
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
        await core.close();
        return session(dataDir, store, next, false);
      },
    };
    return s;
  };

  return ({ clock }) => session(tempDir(), createMemoryStore(), clock, true);
}
