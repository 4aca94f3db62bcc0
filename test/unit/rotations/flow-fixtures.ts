import type { Account, Person, RotationRow } from '../../../shared/contract';
import { manualClock, useRotationCores, type ManualClock, type Session } from './harness';

/**
 * Shared setup for the two-phase rotation tests (rotation-*.test.ts), which
 * drive core.dispatch: start (pending password stored encrypted), confirm
 * (swap in, old to history, holders to tell), abandon, "rotation required"
 * events, the list, the termly record and its CSV, the overdue notification,
 * and a pending change surviving a restart.
 *
 * Default terms 2025/26: summer 13/04/2026-17/07/2026. 2026/27: autumn
 * 07/09/2026-18/12/2026, spring 04/01/2027-19/03/2027, summer 05/04/2027-16/07/2027.
 */
export const oldPassword = 'Kestrel-Harbour-7429!';
export const typedNew = 'Violet#Quarry-5821-Lantern';
/** Summer term 2025/26, in BST. */
export const june = '2026-06-15T09:00:00.000Z';
/** Autumn term 2026/27, in GMT. */
export const november = '2026-11-12T10:00:00.000Z';

export interface World {
  s: Session;
  account: Account;
  head: Person;
  ash: Person;
  bo: Person;
  holderIds: Record<string, number>;
}

export type OpenCore = (options: { clock: ManualClock }) => Promise<Session>;

/**
 * Registers the cores for this test file (closed after each test) and returns
 * `open` with the `world` builder over it. Call once, at the top of a test file.
 */
export function useRotationWorld(): {
  open: OpenCore;
  world: (now?: string, passwordAt?: string) => Promise<World>;
} {
  const open = useRotationCores();

  /** An account whose password was set in June (so termly it is overdue by November), with two holders. */
  async function world(now = november, passwordAt = june): Promise<World> {
    const s = await open({ clock: manualClock(passwordAt) });
    const head = await s.person('Hana Head', ['headteacher']);
    const ash = await s.person('Ash One');
    const bo = await s.person('Bo Two');
    const account = await s.account('@StMarysPE');
    const holderIds: Record<string, number> = {};
    for (const person of [ash, bo]) {
      const holders = await s.call('holders.add', {
        accountId: account.id,
        personId: person.id,
        authorisedById: head.id,
        authorisedOn: passwordAt.slice(0, 10),
      });
      holderIds[person.name] = holders.find((h) => h.person.id === person.id)!.id;
    }
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: oldPassword,
      source: 'typed',
      reason: 'Taken over from the spreadsheet',
    });
    s.clock.set(now);
    return { s, account, head, ash, bo, holderIds };
  }

  return { open, world };
}

export const reveal = async (s: Session, accountId: number, field: 'password' | 'pendingPassword') =>
  (await s.call('secrets.reveal', { accountId, field })).value;

export async function row(s: Session, accountId: number): Promise<RotationRow> {
  const found = (await s.call('rotations.list', {})).find((r) => r.accountId === accountId);
  if (!found) throw new Error(`account ${accountId} is not in rotations.list`);
  return found;
}

/** Starts and confirms a generated rotation at the clock's time; returns the new password. */
export async function rotate(s: Session, accountId: number, reason = 'Termly change'): Promise<string> {
  const { rotationId } = await s.call('rotations.start', { accountId, reason });
  const value = await reveal(s, accountId, 'pendingPassword');
  await s.call('rotations.confirm', { rotationId });
  return value;
}
