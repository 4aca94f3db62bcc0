import {
  accountInputSchema,
  KeyholderError,
  type Account,
  type AccountInput,
  type AccountStatus,
} from '../../shared/contract';
import { statusTransitions } from '../../shared/policy/account-lifecycle';
import { businessCaseGaps } from '../../shared/policy/compliance';
import { normaliseHandle } from '../../shared/policy/platforms';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { requirePerson } from '../people/people';
import { readSettings } from '../settings/settings-store';
import { registerCache } from './register-cache';
import { approversPhrase } from '../../shared/policy/approval-rules';
import { readAccounts } from './register-query';

export interface AccountBasics {
  id: number;
  platform: Account['platform'];
  handle: string;
  display_name: string;
  profile_url: string;
  status: AccountStatus;
}

export function getAccountRow(db: Db, id: number): AccountBasics | undefined {
  return db
    .prepare('SELECT id, platform, handle, display_name, profile_url, status FROM accounts WHERE id = ?')
    .get(id) as AccountBasics | undefined;
}

export function requireAccount(db: Db, id: number): AccountBasics {
  const row = getAccountRow(db, id);
  if (!row)
    throw new KeyholderError('NOT_FOUND', 'That account does not exist. It may have been removed; refresh the list.');
  return row;
}

/** The account's whole record (the account page), its counts from the register. */
export function getAccount(db: Db, id: number): Account {
  requireAccount(db, id);
  const counted = registerCache(db).one(id).accounts[0]!;
  return readAccounts(db, new Map([[id, counted]]), id)[0]!;
}

/** Every account's whole record, in the register's order: for exports, never for the register on screen. */
export function listFullAccounts(db: Db): Account[] {
  return readAccounts(
    db,
    new Map(
      registerCache(db)
        .list()
        .accounts.map((a) => [a.id, a]),
    ),
  );
}

interface Actor {
  db: Db;
  now: Date;
  actor: string;
}

/** Validates the people an account refers to, and the handle's uniqueness. */
function prepare(db: Db, raw: AccountInput, exceptId?: number) {
  const input = accountInputSchema.parse(raw);
  const handle = normaliseHandle(input.platform, input.handle);
  if (!handle) throw new KeyholderError('INVALID_INPUT', 'Enter the account handle, for example @yourschool.');
  const clash = db
    .prepare('SELECT id FROM accounts WHERE platform = ? AND handle = ? COLLATE NOCASE AND id IS NOT ?')
    .get(input.platform, handle, exceptId ?? null);
  if (clash) throw new KeyholderError('CONFLICT', `${handle} is already in the register for this platform.`);
  if (input.leadPersonId !== null) {
    const lead = requirePerson(db, input.leadPersonId, 'The lead');
    if (lead.status === 'left')
      throw new KeyholderError('POLICY', `${lead.name} has left the school and cannot lead an account.`);
  }
  const runnerIds = [...new Set(input.businessCase.runnerIds)];
  for (const id of runnerIds) {
    const runner = requirePerson(db, id, 'One of the people named to run it');
    if (runner.status === 'left')
      throw new KeyholderError('POLICY', `${runner.name} has left the school and cannot run an account.`);
  }
  return { input, handle, runnerIds };
}

function writeRunners(db: Db, accountId: number, runnerIds: number[]): void {
  db.prepare('DELETE FROM account_runners WHERE account_id = ?').run(accountId);
  const insert = db.prepare('INSERT INTO account_runners (account_id, person_id) VALUES (?, ?)');
  for (const id of runnerIds) insert.run(accountId, id);
}

const fieldSql = `platform = @platform, handle = @handle, full_name = @fullName, display_name = @displayName, profile_url = @profileUrl,
  login_url = @loginUrl, username = @username, login_email = @loginEmail, two_factor_method = @twoFactorMethod, replies = @replies, notes = @notes, lead_person_id = @leadPersonId,
  bc_aim = @aim, bc_audience = @audience, bc_promotion = @promotion, bc_visibility = @visibility, updated_at = @at`;

function params(input: ReturnType<typeof accountInputSchema.parse>, handle: string, at: string) {
  const { businessCase, ...rest } = input;
  return {
    ...rest,
    handle,
    loginEmail: rest.loginEmail.toLowerCase(),
    aim: businessCase.aim,
    audience: businessCase.audience,
    promotion: businessCase.promotion,
    visibility: businessCase.visibility,
    at,
  };
}

export function createAccount({ db, now, actor }: Actor, raw: AccountInput): Account {
  return db
    .transaction(() => {
      const { input, handle, runnerIds } = prepare(db, raw);
      const at = now.toISOString();
      const result = db
        .prepare(
          'INSERT INTO accounts (platform, handle, created_at, updated_at) VALUES (@platform, @handle, @at, @at)',
        )
        .run({ platform: input.platform, handle, at });
      const id = Number(result.lastInsertRowid);
      db.prepare(`UPDATE accounts SET ${fieldSql} WHERE id = @id`).run({ ...params(input, handle, at), id });
      writeRunners(db, id, runnerIds);
      appendAudit(db, now, {
        actor,
        action: 'account.created',
        targetType: 'account',
        targetId: id,
        targetLabel: handle,
        details: { platform: input.platform },
      });
      return getAccount(db, id);
    })
    .immediate();
}

export function updateAccount({ db, now, actor }: Actor, id: number, raw: AccountInput): Account {
  return db
    .transaction(() => {
      const before = getAccount(db, id);
      const { input, handle, runnerIds } = prepare(db, raw, id);
      db.prepare(`UPDATE accounts SET ${fieldSql} WHERE id = @id`).run({
        ...params(input, handle, now.toISOString()),
        id,
      });
      writeRunners(db, id, runnerIds);
      const after = getAccount(db, id);
      appendAudit(db, now, {
        actor,
        action: 'account.updated',
        targetType: 'account',
        targetId: id,
        targetLabel: handle,
        details: diff(before, after),
      });
      return after;
    })
    .immediate();
}

function diff(before: Account, after: Account): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const pick = (a: Account) => ({
    ...a,
    lead: a.lead?.name ?? null,
    businessCase: { ...a.businessCase, runners: a.businessCase.runners.map((r) => r.name) },
  });
  const b = pick(before) as Record<string, unknown>;
  const c = pick(after) as Record<string, unknown>;
  for (const key of [
    'platform',
    'handle',
    'fullName',
    'displayName',
    'profileUrl',
    'loginUrl',
    'loginEmail',
    'username',
    'twoFactorMethod',
    'notes',
    'lead',
    'businessCase',
  ]) {
    if (JSON.stringify(b[key]) !== JSON.stringify(c[key])) changes[key] = { from: b[key], to: c[key] };
  }
  return changes;
}

export function setAccountStatus(
  { db, now, actor }: Actor,
  id: number,
  status: AccountStatus,
  on: string,
  overrideReason: string,
): Account {
  return db
    .transaction(() => {
      const account = getAccount(db, id);
      if (account.status === status) return account;
      if (!statusTransitions[account.status].includes(status)) {
        const hint = status === 'approved' ? ' Record the approval instead.' : '';
        throw new KeyholderError('POLICY', `${account.handle} cannot go from ${account.status} to ${status}.${hint}`);
      }
      const settings = readSettings(db);
      const gaps = businessCaseGaps(
        { ...account.businessCase, runnerCount: account.businessCase.runners.length },
        settings.minRunners,
      );
      const problems = [
        ...(account.approvedOn ? [] : [`it has not been approved by ${approversPhrase[settings.approvalRule].who}`]),
        ...(gaps.length ? [`the business case does not say ${gaps.join(', ')}`] : []),
      ];
      if (status === 'active' && problems.length > 0 && !overrideReason) {
        throw new KeyholderError(
          'POLICY',
          `${account.handle} cannot be made active because ${problems.join(' and ')}. Fix that, or give a written reason to override.`,
        );
      }
      const usedOverride = status === 'active' && problems.length > 0 ? overrideReason : '';
      // The first day live starts the launch checklist's week (shared/policy/launch-checklist.ts).
      db.prepare(
        `UPDATE accounts SET status = @status, status_changed_on = @on, status_override_reason = @usedOverride,
          launched_on = CASE WHEN @status = 'active' THEN coalesce(launched_on, @on) ELSE launched_on END, updated_at = @at WHERE id = @id`,
      ).run({ status, on, usedOverride, at: now.toISOString(), id });
      appendAudit(db, now, {
        actor,
        action: 'account.status-changed',
        targetType: 'account',
        targetId: id,
        targetLabel: account.handle,
        details: {
          from: account.status,
          to: status,
          on,
          ...(usedOverride ? { overrideReason: usedOverride, overridden: problems } : {}),
        },
      });
      return getAccount(db, id);
    })
    .immediate();
}
