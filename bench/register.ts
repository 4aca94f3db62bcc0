import type { Db } from '../electron/db/open';
import type { AccountListRow as Account } from '../shared/contract';
import { count, timeInterleaved, type Row } from './measure';

/**
 * The register's search box over the loaded list, beside the same search
 * as a LIKE in SQL, to show searching in the renderer is no bottleneck.
 */

/** The register's search box, as renderer/src/pages/accounts/RegisterTable.tsx filters (globalFilterFn). */
export function registerMatches(account: Account, value: string): boolean {
  const needle = value.trim().toLowerCase();
  if (!needle) return true;
  const a = account;
  return `${a.handle} ${a.displayName} ${a.leadName ?? ''} ${a.loginEmail}`.toLowerCase().includes(needle);
}

export interface Needle {
  needle: string;
  /** How many accounts it matches. */
  expected: number;
}

/** Handle fragments that pick out 1 to 10 accounts each, spread over the register, for the search in Chromium. */
export function chooseNeedles(accounts: readonly Account[], count: number): Needle[] {
  const chosen: Needle[] = [];
  const step = Math.max(1, Math.floor(accounts.length / (count * 3)));
  for (let i = step; i < accounts.length && chosen.length < count; i += step) {
    const needle = accounts[i]!.handle.replace(/^@/, '').slice(-9).toLowerCase();
    const expected = accounts.filter((a) => registerMatches(a, needle)).length;
    if (expected >= 1 && expected <= 10) chosen.push({ needle, expected });
  }
  return chosen;
}

const searchSql = `SELECT a.id FROM accounts a LEFT JOIN people lp ON lp.id = a.lead_person_id
  WHERE lower(a.handle || ' ' || a.display_name || ' ' || coalesce(lp.name, '') || ' ' || a.login_email) LIKE ? ESCAPE '\\'`;

export async function measureSearch(
  db: Db,
  accounts: Account[],
  options: { runs: number; warmup: number; needle: string },
): Promise<Row> {
  const { needle } = options;
  const like = `%${needle.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  let matched = 0;
  let sqlMatched = 0;
  const [filter = 0, sql = 0] = await timeInterleaved(options.runs, options.warmup, [
    { work: () => (matched = accounts.filter((a) => registerMatches(a, needle)).length) },
    { work: () => (sqlMatched = db.prepare(searchSql).all(like).length) },
  ]);
  if (matched !== sqlMatched)
    throw new Error(`The search "${needle}" matched ${matched} accounts in JS but ${sqlMatched} in SQL.`);
  return {
    name: `search "${needle}" over the loaded list in JS, ${count(accounts.length)} accounts (${matched} match)`,
    value: filter,
    sqlite: sql,
    note: `The renderer's search over the loaded list, as RegisterTable's globalFilterFn; the SQLite-only column here is the same search as a LIKE in SQL.`,
  };
}
