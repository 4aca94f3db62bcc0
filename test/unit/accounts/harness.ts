import { type Core } from '../../../electron/core/create-core';
import type { Clock } from '../../../electron/core/platform';
import type {
  Account,
  AccountInput,
  AuditEntry,
  Channel,
  ChannelInput,
  ChannelOutput,
  IpcError,
  Person,
  PersonInput,
} from '../../../shared/contract';
import { type TestPlatform } from '../../support/test-platform';
import { testSchool, useOpenCore } from '../../support/open-core';

/**
 * A real core over a real SQLite file in a temp folder, set up and unlocked,
 * driven only through core.dispatch as the renderer drives it.
 */
export const today = '2025-03-10';
export const fixedClock: Clock = { now: () => new Date(`${today}T09:00:00.000Z`) };

export interface Session {
  core: Core;
  platform: TestPlatform;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  refused(channel: Channel, input: unknown, code: IpcError['code']): Promise<IpcError>;
  /** A person; `roles` default to staff, everything else to an active, trained, acknowledged person. */
  person(name: string, extra?: Partial<PersonInput>): Promise<Person>;
  account(handle: string, extra?: Partial<AccountInput>): Promise<Account>;
  /** people.update takes the whole record: this sends the person as they are, with `patch` applied. */
  updatePerson(person: Person, patch: Partial<PersonInput>): Promise<Person>;
  audit(action?: string): Promise<AuditEntry[]>;
  count(table: 'accounts' | 'people' | 'account_holders' | 'account_runners' | 'audit_log'): number;
}

export function useRegister(): (options?: { clock?: Clock }) => Promise<Session> {
  const { openCore } = useOpenCore('keyholder-register-');
  return async (options = {}) => {
    const base = await openCore({ clock: options.clock ?? fixedClock, setUp: testSchool });
    const { core, platform, call, refused } = base;
    return {
      core,
      platform,
      call,
      refused,
      person: (name, extra = {}) =>
        call('people.create', {
          name,
          roles: ['staff'],
          policyAcknowledgedOn: '2024-09-02',
          trainingCompletedOn: '2024-09-03',
          ...extra,
        }),
      account: (handle, extra = {}) => call('accounts.create', { platform: 'x', handle, ...extra }),
      updatePerson: (person, patch) => {
        const { id, createdAt: _c, updatedAt: _u, importCheck: _i, ...current } = person;
        return call('people.update', { id, person: { ...current, ...patch } });
      },
      audit: (action) => call('audit.list', action ? { action } : {}),
      count: (table) => (core.context.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    };
  };
}

/** A complete business case naming `runnerIds`. */
export function fullCase(runnerIds: number[]) {
  return {
    aim: 'Celebrate pupils’ work and share news with families',
    audience: 'Parents and carers',
    promotion: 'Newsletter and the school website',
    visibility: 'open' as const,
    runnerIds,
  };
}
