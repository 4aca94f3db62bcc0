import type { Core } from '../electron/core/create-core';
import type { Account, IpcResult } from '../shared/contract';
import { timeInterleaved, type MemorySampler, type Row } from './measure';

/**
 * The register at scale through core.dispatch (the same path as IPC from
 * the renderer, zod output check included), each beside the plain SQL that
 * reads the same rows, so the ratio shows what the app adds on top of
 * SQLite.
 */

// The three reads in electron/accounts/register-query.ts, without the work done on their rows.
const accountSql = `
  SELECT a.*, s.set_at AS password_set_at, lp.name AS lead_name, lp.status AS lead_status, ap.name AS approved_by_name
  FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
  LEFT JOIN people lp ON lp.id = a.lead_person_id
  LEFT JOIN people ap ON ap.id = a.approved_by`;
const runnerSql =
  'SELECT r.account_id, p.id, p.name FROM account_runners r JOIN people p ON p.id = r.person_id ORDER BY p.name';
const holderSql = `SELECT h.account_id, p.name, p.status, p.leaving_on, p.policy_acknowledged_on,
    p.training_completed_on, h.override_reason
  FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.removed_on IS NULL ORDER BY h.id`;

/** The register's search box, as renderer/src/pages/accounts/RegisterTable.tsx filters (globalFilterFn). */
export function registerMatches(account: Account, value: string): boolean {
  const needle = value.trim().toLowerCase();
  if (!needle) return true;
  const a = account;
  return `${a.handle} ${a.displayName} ${a.lead?.name ?? ''} ${a.loginEmail}`.toLowerCase().includes(needle);
}

async function value<T>(core: Core, channel: string): Promise<T> {
  const result = (await core.dispatch(channel, {})) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export interface RegisterResults {
  rows: Row[];
  accounts: Account[];
}

export async function measureRegister(
  core: Core,
  memory: MemorySampler,
  options: { runs: number; warmup: number; needle: string },
): Promise<RegisterResults> {
  const db = core.context.db;
  const { runs, warmup, needle } = options;
  const readAll = () => {
    db.prepare(`${accountSql} ORDER BY a.platform, a.handle COLLATE NOCASE`).all();
    db.prepare(runnerSql).all();
    db.prepare(holderSql).all();
    memory.sample();
  };
  const like = `%${needle
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const searchSql = `${accountSql}
    WHERE lower(a.handle || ' ' || a.display_name || ' ' || coalesce(lp.name, '') || ' ' || a.login_email) LIKE ? ESCAPE '\\'
    ORDER BY a.platform, a.handle COLLATE NOCASE`;

  let accounts: Account[] = [];
  let matched = 0;
  let sqlMatched = 0;
  let breaches = 0;
  // Interleaved, so a busy machine slows the app and the raw SQL alike and the ratios stay fair.
  const [rawRegister = 0, list = 0, filter = 0, rawFilter = 0, compliance = 0] = await timeInterleaved(runs, warmup, [
    readAll,
    async () => {
      accounts = await value<Account[]>(core, 'accounts.list');
      memory.sample();
    },
    () => {
      matched = accounts.filter((a) => registerMatches(a, needle)).length;
    },
    () => {
      sqlMatched = db.prepare(searchSql).all(like).length;
    },
    async () => {
      breaches = (await value<{ breaches: unknown[] }>(core, 'compliance.list')).breaches.length;
      memory.sample();
    },
  ]);
  if (matched !== sqlMatched)
    throw new Error(`The search "${needle}" matched ${matched} accounts in JS but ${sqlMatched} in SQL.`);

  const n = new Intl.NumberFormat('en-GB').format(accounts.length);
  return {
    accounts,
    rows: [
      {
        name: `accounts.list via dispatch, ${n} accounts`,
        median: list,
        raw: rawRegister,
        target: 50,
        note: 'Raw SQL for accounts.list and compliance.list: the accounts query with its three joins, current holders joined to people, and runners joined to people (the rows both channels read).',
      },
      {
        name: `search "${needle}" over the list in JS (${matched} match)`,
        median: filter,
        raw: rawFilter,
        target: 16,
        note: `The renderer's search over the loaded list, as RegisterTable's globalFilterFn; raw SQL is the same search as a LIKE over the joined rows. Target: one 60 Hz frame.`,
      },
      {
        name: `compliance.list via dispatch (${new Intl.NumberFormat('en-GB').format(breaches)} breaches)`,
        median: compliance,
        raw: rawRegister,
        target: 50,
      },
    ],
  };
}
