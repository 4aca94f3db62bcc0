import type { AccountState, RotationRow, StateCounts } from '../../shared/contract';
import { accountStatus, stateCounts } from '../../shared/policy/account-status';
import { londonDateOf } from '../../shared/time';
import type { Db } from '../db/open';
import { registerCache } from '../accounts/register-cache';
import type { Register } from '../accounts/register-query';
import { readRotations } from '../rotations/due';
import { listRotations } from '../rotations/rotation-cache';
import { readSettings } from '../settings/settings-store';

/**
 * Each account's one state (shared/policy/account-status.ts), computed at
 * read time from the cached register and today's password change schedule:
 * the state depends on the date, so it is never cached itself.
 */
export function accountStates(db: Db, now: Date, accountId?: number): AccountState[] {
  const register: Register = accountId === undefined ? registerCache(db).list() : registerCache(db).one(accountId);
  const rotations = new Map<number, RotationRow>(
    // The whole schedule from the rotation cache; one account's read directly.
    (accountId === undefined ? listRotations(db, now) : readRotations(db, readSettings(db), now, accountId)).map(
      (r) => [r.accountId, r],
    ),
  );
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
        hasLead: a.lead !== null,
        hasPassword: a.hasPassword,
        launch: {
          launchedOn: a.launch.launchedOn,
          sltToldOn: a.launch.sltTold?.on ?? null,
          websiteLinkedOn: a.launch.websiteLinked?.on ?? null,
        },
      },
      breaches: breaches.get(a.id) ?? [],
      rotation: rotations.get(a.id) ?? null,
    }),
  );
}

export function statusReport(db: Db, now: Date): { accounts: AccountState[]; counts: StateCounts; today: string } {
  const accounts = accountStates(db, now);
  return { accounts, counts: stateCounts(accounts), today: londonDateOf(now) };
}
