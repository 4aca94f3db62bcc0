import type { AccountState, Breach, RotationRow, StateCounts } from '../../shared/contract';
import { accountStatus, stateCounts } from '../../shared/policy/account-status';
import { londonDateOf } from '../../shared/time';
import type { Db } from '../db/open';
import { registerCache, type RegisterCache } from '../accounts/register-cache';
import type { Register, RegisterAccount } from '../accounts/register-rows';
import { deepFreeze } from '../lib/deep-freeze';
import { freezeState } from '../lib/freeze-shapes';
import { byAccount } from '../lib/group-by';
import { readRotations } from '../rotations/due';
import { listRotations, rotationCache } from '../rotations/rotation-cache';
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
  /** Each account's schedule row, in register order (what its state was worked out from). */
  rotationOf: readonly (RotationRow | null)[];
  states: readonly AccountState[];
}
const worked = new WeakMap<Db, Worked>();

export function accountStates(db: Db, now: Date, accountId?: number): readonly AccountState[] {
  if (accountId !== undefined) {
    const register = registerCache(db).one(accountId);
    return statesOf(register, readRotations(db, readSettings(db), now, accountId), undefined).states;
  }
  const register = registerCache(db).list();
  const rotations = listRotations(db, now);
  const last = worked.get(db);
  if (last && last.register === register && last.rotations === rotations) return last.states;
  // The caches' own maps of the schedule and the findings they just handed out, rather than new ones.
  const cached = db.inTransaction ? undefined : { rotations: rotationCache(db).byAccount, register: registerCache(db) };
  const next = statesOf(register, rotations, last, cached);
  // Only what came from the caches (frozen) is remembered: a read inside a transaction may roll back.
  if (Object.isFrozen(register) && Object.isFrozen(rotations)) {
    Object.freeze(next.states);
    worked.set(db, { register, rotations, ...next });
  }
  return next.states;
}

/**
 * Each account's state is remembered against its cached register entry and
 * its schedule row (both frozen, and replaced when they change), so after a
 * one-account write only that account's state is worked out again. The
 * last answer is looked at first, place by place (an identity check: after
 * a write almost every account is where it was); the map catches an account
 * that moved in the register's order.
 */
interface AccountWorked {
  rotation: RotationRow | null;
  state: AccountState;
}
const perAccount = new WeakMap<RegisterAccount, AccountWorked>();

/** Fewer accounts than this to work out again (a write): each one's findings are picked out of the list rather than all grouped. */
const groupAbove = 16;

function statesOf(
  register: Register,
  rotationRows: readonly RotationRow[],
  last: Worked | undefined,
  cached?: { rotations: ReadonlyMap<number, RotationRow>; register: Pick<RegisterCache, 'findingsOf'> },
): { states: AccountState[]; rotationOf: (RotationRow | null)[] } {
  const rotations = cached?.rotations ?? new Map(rotationRows.map((r) => [r.accountId, r]));
  const { accounts } = register;
  const states = new Array<AccountState>(accounts.length);
  const rotationOf = new Array<RotationRow | null>(accounts.length);
  const before = last?.register.accounts;
  const missing: number[] = [];
  for (let i = 0; i < accounts.length; i += 1) {
    const a = accounts[i]!;
    const rotation = rotations.get(a.id) ?? null;
    rotationOf[i] = rotation;
    if (before?.[i] === a && last!.rotationOf[i] === rotation) {
      states[i] = last!.states[i]!;
      continue;
    }
    const known = perAccount.get(a);
    if (known && known.rotation === rotation) states[i] = known.state;
    else missing.push(i);
  }
  const grouped = cached || missing.length <= groupAbove ? null : byAccount(register.breaches);
  const findingsOf = (id: number): readonly Breach[] =>
    cached?.register.findingsOf(id) ??
    (grouped ? (grouped.get(id) ?? []) : register.breaches.filter((b) => b.accountId === id));
  const remember = Object.isFrozen(register);
  for (let k = 0; k < missing.length; k += 1) {
    const i = missing[k]!;
    const a = accounts[i]!;
    const rotation = rotationOf[i] ?? null;
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
      breaches: findingsOf(a.id),
      rotation,
    });
    if (remember) perAccount.set(a, { rotation, state: freezeState(state) });
    states[i] = state;
  }
  return { states, rotationOf };
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
