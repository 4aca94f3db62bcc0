import type { AccountListRow, AccountState } from '../../shared/contract';
import { accountStates } from '../compliance/status';
import type { Db } from '../db/open';
import { freezeListRow } from '../lib/freeze-shapes';
import { registerCache } from './register-cache';
import type { RegisterAccount } from './register-rows';

/**
 * accounts.list: the register's rows, only what the register shows, each
 * with its one state. Built again only when the states are (a different
 * register, or a new day's password change schedule: compliance/status.ts),
 * and frozen, so an unchanged answer passes the output guard in one lookup.
 * Each row is remembered against its account's state: the last answer is
 * looked at place by place first (after a write almost every state is the
 * same object in the same place), then the map.
 */
const lastRows = new WeakMap<Db, { states: readonly AccountState[]; rows: readonly AccountListRow[] }>();
/** Each row against its account's state (a frozen state is a remembered one: compliance/status.ts). */
const rowByState = new WeakMap<AccountState, AccountListRow>();

export function registerRows(db: Db, now: Date): AccountListRow[] {
  const states = accountStates(db, now);
  const before = lastRows.get(db);
  if (before?.states === states) return before.rows as AccountListRow[];
  // The states are the register's accounts in order (accountStates maps them).
  const accounts = registerCache(db).list().accounts;
  const rows = new Array<AccountListRow>(accounts.length);
  for (let i = 0; i < accounts.length; i += 1) {
    const state = states[i]!;
    // The same state object means the same register entry it was worked out from.
    if (before?.states[i] === state) {
      rows[i] = before.rows[i]!;
      continue;
    }
    rows[i] = rowByState.get(state) ?? buildRow(accounts[i]!, state);
  }
  if (Object.isFrozen(states)) lastRows.set(db, { states, rows: Object.freeze(rows) });
  return rows;
}

function buildRow(a: RegisterAccount, state: AccountState): AccountListRow {
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
    state: Object.isFrozen(state) ? sharedState(state) : { kind: state.kind, wording: state.wording },
  };
  if (Object.isFrozen(state)) rowByState.set(state, freezeListRow(row));
  return row;
}

/**
 * A row's state as one frozen object per wording, shared by every row that
 * says the same ("Breach", "Setting up: 2 steps left"): a few dozen objects
 * rather than 10,000, and a structured clone sends each one once.
 */
const states = new Map<string, AccountListRow['state']>();
function sharedState({ kind, wording }: AccountState): AccountListRow['state'] {
  const key = `${kind}\u0000${wording}`;
  let shared = states.get(key);
  if (!shared) {
    // Wordings with a date come and go with the days: start afresh now and then rather than grow for ever.
    if (states.size >= 1000) states.clear();
    states.set(key, (shared = Object.freeze({ kind, wording })));
  }
  return shared;
}
