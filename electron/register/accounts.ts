import { KeyholderError, type Account, type AccountInput } from '../../shared/contract';
import { accountInputSchema } from '../../shared/contract';
import { normaliseHandle } from '../../shared/policy/platforms';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';

export interface AccountRow {
  id: number;
  platform: Account['platform'];
  handle: string;
  display_name: string;
  profile_url: string;
  login_email: string;
  status: Account['status'];
  created_at: string;
  updated_at: string;
  password_set_at: string | null;
}

const selectAccount = `
  SELECT a.*, s.set_at AS password_set_at
  FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'`;

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    platform: row.platform,
    handle: row.handle,
    displayName: row.display_name,
    profileUrl: row.profile_url,
    loginEmail: row.login_email,
    status: row.status,
    hasPassword: row.password_set_at !== null,
    passwordSetAt: row.password_set_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getAccountRow(db: Db, id: number): AccountRow | undefined {
  return db.prepare(`${selectAccount} WHERE a.id = ?`).get(id) as AccountRow | undefined;
}

export function getAccount(db: Db, id: number): Account {
  const row = getAccountRow(db, id);
  if (!row)
    throw new KeyholderError('NOT_FOUND', 'That account does not exist. It may have been removed; refresh the list.');
  return toAccount(row);
}

export function listAccounts(db: Db): Account[] {
  return (db.prepare(`${selectAccount} ORDER BY a.platform, a.handle COLLATE NOCASE`).all() as AccountRow[]).map(
    toAccount,
  );
}

export function createAccount(db: Db, now: Date, actor: string, raw: AccountInput): Account {
  const input = accountInputSchema.parse(raw);
  const handle = normaliseHandle(input.platform, input.handle);
  if (!handle) throw new KeyholderError('INVALID_INPUT', 'Enter the account handle, for example @yourschool.');
  const at = now.toISOString();
  return db.transaction(() => {
    const clash = db
      .prepare('SELECT id FROM accounts WHERE platform = ? AND handle = ? COLLATE NOCASE')
      .get(input.platform, handle);
    if (clash) throw new KeyholderError('CONFLICT', `${handle} is already in the register for this platform.`);
    const result = db
      .prepare(
        `INSERT INTO accounts (platform, handle, display_name, profile_url, login_email, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.platform, handle, input.displayName, input.profileUrl, input.loginEmail, at, at);
    const id = Number(result.lastInsertRowid);
    appendAudit(db, now, {
      actor,
      action: 'account.created',
      targetType: 'account',
      targetId: id,
      targetLabel: handle,
      details: { platform: input.platform },
    });
    return getAccount(db, id);
  })();
}
