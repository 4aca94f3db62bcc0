import type { AccountListRow, AccountState } from '../../shared/contract';
import { accountStates } from '../compliance/status';
import type { Db } from '../db/open';
import { deepFreeze } from '../lib/deep-freeze';
import { registerCache } from './register-cache';

/**
 * accounts.list: the register's rows, only what the register shows, each
 * with its one state. Built again only when the states are (a different
 * register, or a new day's password change schedule: compliance/status.ts),
 * and frozen, so an unchanged answer passes the output guard in one lookup.
 */
const built = new WeakMap<readonly AccountState[], readonly AccountListRow[]>();

export function registerRows(db: Db, now: Date): AccountListRow[] {
  const states = accountStates(db, now);
  const known = built.get(states);
  if (known) return known as AccountListRow[];
  // The states are the register's accounts in order (accountStates maps them).
  const accounts = registerCache(db).list().accounts;
  const rows = accounts.map((a, i): AccountListRow => {
    const state = states[i]!;
    return {
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      displayName: a.displayName,
      status: a.status,
      leadName: a.leadName,
      holderCount: a.holderCount,
      passwordSetAt: a.passwordSetAt,
      loginEmail: a.loginEmail,
      state: { kind: state.kind, wording: state.wording },
    };
  });
  if (Object.isFrozen(states)) built.set(states, deepFreeze(rows));
  return rows;
}
