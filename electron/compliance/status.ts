import type { AccountState, Breach, RotationRow, StateCounts } from '../../shared/contract';
import { accountStatus, stateCounts } from '../../shared/policy/account-status';
import { londonDateOf } from '../../shared/time';
import type { Db } from '../db/open';
import { registerCache } from '../accounts/register-cache';
import type { Register, RegisterAccount } from '../accounts/register-rows';
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

/**
 * Each account's state is remembered against its cached register entry and
 * its schedule row (both frozen, and replaced when they change), so after a
 * one-account write only that account's state is worked out again.
 */
interface AccountWorked {
  rotation: RotationRow | null;
  state: AccountState;
}
const perAccount = new WeakMap<RegisterAccount, AccountWorked>();

/** Fewer accounts than this to work out again (a write): each one's findings are picked out of the list rather than all grouped. */
const groupAbove = 16;

function statesOf(register: Register, rotationRows: readonly RotationRow[]): AccountState[] {
  const rotations = new Map<number, RotationRow>();
  for (const r of rotationRows) rotations.set(r.accountId, r);
  const states = new Array<AccountState>(register.accounts.length);
  const missing: number[] = [];
  register.accounts.forEach((a, i) => {
    const known = perAccount.get(a);
    if (known && known.rotation === (rotations.get(a.id) ?? null)) states[i] = known.state;
    else missing.push(i);
  });
  const grouped = missing.length > groupAbove ? byAccount(register.breaches) : null;
  const remember = Object.isFrozen(register);
  for (const i of missing) {
    const a = register.accounts[i]!;
    const rotation = rotations.get(a.id) ?? null;
    const state = accountStatus({
      account: {
        id: a.id,
        label: a.handle,
        status: a.status,
        approvedOn: a.approvedOn,
        hasLead: a.leadName !== null,
        hasPassword: a.passwordSetAt !== null,
        launch: { launchedOn: a.launchedOn, sltToldOn: a.sltToldOn, websiteLinkedOn: a.websiteLinkedOn },
      },
      breaches: grouped ? (grouped.get(a.id) ?? []) : register.breaches.filter((b) => b.accountId === a.id),
      rotation,
    });
    if (remember) perAccount.set(a, { rotation, state: deepFreeze(state) });
    states[i] = state;
  }
  return states;
}

function byAccount(breaches: readonly Breach[]): Map<number, Breach[]> {
  const out = new Map<number, Breach[]>();
  for (const b of breaches) {
    const list = out.get(b.accountId);
    if (list) list.push(b);
    else out.set(b.accountId, [b]);
  }
  return out;
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
