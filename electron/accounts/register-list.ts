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
/** Each row against its account's state (a frozen state is a remembered one: compliance/status.ts). */
const rowOf = new WeakMap<AccountState, AccountListRow>();

export function registerRows(db: Db, now: Date): AccountListRow[] {
  const states = accountStates(db, now);
  const known = built.get(states);
  if (known) return known as AccountListRow[];
  // The states are the register's accounts in order (accountStates maps them).
  const accounts = registerCache(db).list().accounts;
  const rows = accounts.map((a, i): AccountListRow => {
    const state = states[i]!;
    const known = rowOf.get(state);
    // The same state object means the same register entry it was worked out from.
    if (known) return known;
    const row: AccountListRow = {
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
    if (Object.isFrozen(state)) rowOf.set(state, deepFreeze(row));
    return row;
  });
  if (Object.isFrozen(states)) built.set(states, deepFreeze(rows));
  return rows;
}
