import { KeyholderError, type AccountApp } from '../../shared/contract';
import { requireAccount } from '../accounts/accounts';
import { requireSchoolApprover } from '../accounts/approval';
import { appendAudit } from '../audit/audit-log';
import type { WriteContext } from '../core/context';
import type { Db } from '../db/open';

interface Row {
  id: number;
  account_id: number;
  name: string;
  purpose: AccountApp['purpose'];
  approved_by: number;
  approver_name: string;
  approved_on: string;
  removed_on: string | null;
  removed_reason: string | null;
}

const toApp = (row: Row): AccountApp => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  purpose: row.purpose,
  approvedBy: { id: row.approved_by, name: row.approver_name },
  approvedOn: row.approved_on,
  removedOn: row.removed_on,
  removedReason: row.removed_reason,
});

const selectSql = `SELECT c.*, p.name AS approver_name FROM account_apps c JOIN people p ON p.id = c.approved_by`;

/** The apps connected to an account: current first (by name), then removed ones, newest first. */
export function listApps(db: Db, accountId: number): AccountApp[] {
  requireAccount(db, accountId);
  return (
    db
      .prepare(
        `${selectSql} WHERE c.account_id = ? ORDER BY c.removed_on IS NOT NULL, c.removed_on DESC, c.name COLLATE NOCASE, c.id`,
      )
      .all(accountId) as Row[]
  ).map(toApp);
}

/** The apps still connected to an account, for the handover plan. */
export function currentApps(db: Db, accountId: number): AccountApp[] {
  return (
    db
      .prepare(`${selectSql} WHERE c.account_id = ? AND c.removed_on IS NULL ORDER BY c.name COLLATE NOCASE, c.id`)
      .all(accountId) as Row[]
  ).map(toApp);
}

export interface AddApp {
  accountId: number;
  name: string;
  purpose: AccountApp['purpose'];
  approvedById: number;
  approvedOn: string;
}

/** tpat 6: an app or service is connected only with the Headteacher's approval (the school's approval rule), recorded. */
export function addApp({ db, now, actor }: WriteContext, input: AddApp): AccountApp[] {
  return db
    .transaction(() => {
      const account = requireAccount(db, input.accountId);
      if (account.status === 'closed' || account.status === 'transferred')
        throw new KeyholderError('POLICY', `${account.handle} is ${account.status}; no app should be connected to it.`);
      const approver = requireSchoolApprover(db, input.approvedById, 'approve a connected app');
      const clash = db
        .prepare('SELECT 1 FROM account_apps WHERE account_id = ? AND name = ? COLLATE NOCASE AND removed_on IS NULL')
        .get(account.id, input.name);
      if (clash)
        throw new KeyholderError('CONFLICT', `${input.name} is already recorded as connected to ${account.handle}.`);
      const result = db
        .prepare(
          'INSERT INTO account_apps (account_id, name, purpose, approved_by, approved_on, added_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(account.id, input.name, input.purpose, approver.id, input.approvedOn, now.toISOString());
      appendAudit(db, now, {
        actor,
        action: 'app.connected',
        targetType: 'account',
        targetId: account.id,
        targetLabel: account.handle,
        details: {
          app: input.name,
          appId: Number(result.lastInsertRowid),
          purpose: input.purpose,
          approvedBy: approver.name,
          approvedOn: input.approvedOn,
        },
      });
      return listApps(db, account.id);
    })
    .immediate();
}

/** Records that an app was disconnected from the account (on the platform), and why. */
export function removeApp({ db, now, actor }: WriteContext, appId: number, reason: string, on: string): AccountApp[] {
  return db
    .transaction(() => {
      const row = db.prepare('SELECT account_id, name, removed_on FROM account_apps WHERE id = ?').get(appId) as
        { account_id: number; name: string; removed_on: string | null } | undefined;
      if (!row) throw new KeyholderError('NOT_FOUND', 'That app is not recorded. Refresh the page.');
      if (row.removed_on) throw new KeyholderError('CONFLICT', `${row.name} was already removed.`);
      const account = requireAccount(db, row.account_id);
      db.prepare('UPDATE account_apps SET removed_on = ?, removed_reason = ? WHERE id = ?').run(on, reason, appId);
      appendAudit(db, now, {
        actor,
        action: 'app.removed',
        targetType: 'account',
        targetId: account.id,
        targetLabel: account.handle,
        details: { app: row.name, reason, on },
      });
      return listApps(db, account.id);
    })
    .immediate();
}
