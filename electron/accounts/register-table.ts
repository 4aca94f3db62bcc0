import { repliesLabels, type Account, type TwoFactorMethod } from '../../shared/contract';
import { platformLabels } from '../../shared/policy/platforms';
import type { Db } from '../db/open';
import { registerCache } from './register-cache';
import { readAccounts } from './register-query';
import { ukDate, ukDateOf } from '../../shared/time';

/**
 * The register as one table of text, shared by the CSV export and the
 * printed register so the two always agree. Built from the register query
 * and the holders' names only: no secret is read, so none can be written.
 * Notes are left out too, because people put things in notes they should not.
 */
export interface RegisterTable {
  headers: string[];
  rows: string[][];
}

const statusLabels: Record<Account['status'], string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  suspended: 'Suspended',
  closed: 'Closed',
  transferred: 'Transferred',
};

const twoFactorLabels: Record<TwoFactorMethod, string> = {
  none: 'None',
  'authenticator-app': 'Authenticator app',
  sms: 'Text message (SMS)',
  email: 'Email',
  'security-key': 'Security key',
  other: 'Other',
};

export const registerHeaders = [
  'Platform',
  'Handle',
  'Full name',
  'Display name',
  'Status',
  'Lead',
  'Approved by',
  'Approved on',
  'Holders',
  'Login email',
  'Username',
  'Login page',
  'Profile URL',
  'Two-factor method',
  'Comments',
  'Password last set',
  'Rotation required',
  'Compliance issues',
  'Issue details',
];

export function registerTable(db: Db): RegisterTable {
  // Its own whole rows, read here: the register on screen has only what it shows.
  const { accounts: counted, breaches } = registerCache(db).list();
  const accounts = readAccounts(db, new Map(counted.map((a) => [a.id, a])));
  const holders = new Map<number, string[]>();
  const holderRows = db
    .prepare(
      `SELECT h.account_id, p.name FROM account_holders h JOIN people p ON p.id = h.person_id
       WHERE h.removed_on IS NULL ORDER BY p.name COLLATE NOCASE`,
    )
    .all() as { account_id: number; name: string }[];
  for (const row of holderRows) holders.set(row.account_id, [...(holders.get(row.account_id) ?? []), row.name]);
  const issues = new Map<number, string[]>();
  for (const breach of breaches)
    issues.set(breach.accountId, [...(issues.get(breach.accountId) ?? []), breach.message]);

  const rows = accounts.map((account) => [
    platformLabels[account.platform],
    account.handle,
    account.fullName,
    account.displayName,
    statusLabels[account.status],
    account.lead?.name ?? '',
    account.approvedBy?.name ?? '',
    ukDate(account.approvedOn),
    (holders.get(account.id) ?? []).join(', '),
    account.loginEmail,
    account.username,
    account.loginUrl,
    account.profileUrl,
    twoFactorLabels[account.twoFactorMethod],
    repliesLabels[account.replies],
    ukDateOf(account.passwordSetAt),
    account.rotationRequired
      ? `Yes, since ${ukDateOf(account.rotationRequired.since)}: ${account.rotationRequired.reason}`
      : 'No',
    String(account.breachCount),
    (issues.get(account.id) ?? []).join('; '),
  ]);
  return { headers: registerHeaders, rows };
}
