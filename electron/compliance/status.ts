import type { AccountState, RotationRow, StateCounts } from '../../shared/contract';
import { accountStatus, stateCounts } from '../../shared/policy/account-status';
import { londonDateOf } from '../../shared/time';
import type { Db } from '../db/open';
import { registerCache } from '../accounts/register-cache';
import type { Register } from '../accounts/register-rows';
import { deepFreeze } from '../lib/deep-freeze';
import { readRotations } from '../rotations/due';
import { listRotations } from '../rotations/rotation-cache';
import { readSettings } from '../settings/settings-store';

/**
 * Each account's one state (shared/policy/account-status.ts), computed at
 * read time from the cached register and today's password change schedule.
 * The state depends on the date only through the schedule, which is a new
 * array on a new London day: so the states are worked out again only when
 * the register or the schedule is a different object (both caches hand out
 * the same frozen object while nothing changed), shared by compliance.status
 * and the register's rows (accounts.list).
 */
interface Worked {
  register: Register;
  rotations: readonly RotationRow[];
  states: readonly AccountState[];
}
const worked = new WeakMap<Db, Worked>();

export function accountStates(db: Db, now: Date, accountId?: number): readonly AccountState[] {
  if (accountId !== undefined)
    return statesOf(registerCache(db).one(accountId), readRotations(db, readSettings(db), now, accountId));
  const register = registerCache(db).list();
  const rotations = listRotations(db, now);
  const last = worked.get(db);
  if (last && last.register === register && last.rotations === rotations) return last.states;
  const states = statesOf(register, rotations);
  // Only what came from the caches (frozen) is remembered: a read inside a transaction may roll back.
  if (Object.isFrozen(register) && Object.isFrozen(rotations))
    worked.set(db, { register, rotations, states: deepFreeze(states) });
  return states;
}

function statesOf(register: Register, rotationRows: readonly RotationRow[]): AccountState[] {
  const rotations = new Map<number, RotationRow>();
  for (const r of rotationRows) rotations.set(r.accountId, r);
  const breaches = new Map<number, Register['breaches']>();
  for (const b of register.breaches) {
    const list = breaches.get(b.accountId);
    if (list) list.push(b);
    else breaches.set(b.accountId, [b]);
  }
  return register.accounts.map((a) =>
    accountStatus({
      account: {
        id: a.id,
        label: a.handle,
        status: a.status,
        approvedOn: a.approvedOn,
        hasLead: a.leadName !== null,
        hasPassword: a.passwordSetAt !== null,
      },
      breaches: breaches.get(a.id) ?? [],
      rotation: rotations.get(a.id) ?? null,
    }),
  );
}

type StatusReport = { accounts: AccountState[]; counts: StateCounts; today: string };
const reports = new WeakMap<readonly AccountState[], StatusReport>();

export function statusReport(db: Db, now: Date): StatusReport {
  const accounts = accountStates(db, now);
  const today = londonDateOf(now);
  const last = reports.get(accounts);
  if (last?.today === today) return last;
  const report = { accounts: accounts as AccountState[], counts: stateCounts(accounts), today };
  if (Object.isFrozen(accounts)) reports.set(accounts, deepFreeze(report));
  return report;
}
