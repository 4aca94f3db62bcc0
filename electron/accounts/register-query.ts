import { KeyholderError, type Account } from '../../shared/contract';
import type { ComplianceSettings } from '../../shared/policy/compliance';
import { inferSchoolDomain } from '../../shared/policy/personal-email';
import type { Settings } from '../../shared/policy/settings';
import type { Db } from '../db/open';
import { pushTo } from '../lib/group-by';
import { launchColumnsSql, launchOf, type LaunchColumns } from './launch-columns';
import type { RegisterAccount } from './register-rows';

/**
 * An account's whole record, as the account page shows it. The register
 * list and the checks read far less (register-rows.ts).
 */
export interface AccountRow extends LaunchColumns {
  id: number;
  platform: Account['platform'];
  handle: string;
  full_name: string;
  display_name: string;
  profile_url: string;
  login_url: string;
  login_email: string;
  username: string;
  password_weakness: string;
  two_factor_method: Account['twoFactorMethod'];
  replies: Account['replies'];
  notes: string;
  status: Account['status'];
  status_changed_on: string | null;
  status_override_reason: string;
  bc_aim: string;
  bc_audience: string;
  bc_promotion: string;
  bc_visibility: Account['businessCase']['visibility'];
  approved_by: number | null;
  approved_by_name: string | null;
  approved_on: string | null;
  governor_approved_by: number | null;
  governor_name: string | null;
  rejected_by: number | null;
  rejected_by_name: string | null;
  rejected_on: string | null;
  rejected_reason: string;
  lead_person_id: number | null;
  lead_name: string | null;
  rotation_required_reason: string | null;
  rotation_required_since: string | null;
  password_set_at: string | null;
  created_at: string;
  updated_at: string;
}

// Only the columns AccountRow names (not a.*: rotation settings and the like are not the register's).
const accountSql = `
  SELECT a.id, a.platform, a.handle, a.full_name, a.display_name, a.profile_url, a.login_url, a.login_email, a.username,
    a.password_weakness, a.two_factor_method, a.replies, a.notes, a.status, a.status_changed_on, a.status_override_reason,
    a.bc_aim, a.bc_audience, a.bc_promotion, a.bc_visibility, a.approved_by, a.approved_on, a.governor_approved_by,
    a.rejected_by, a.rejected_on, a.rejected_reason, a.lead_person_id,
    a.rotation_required_reason, a.rotation_required_since, a.created_at, a.updated_at,
    ${launchColumnsSql},
    s.set_at AS password_set_at, lp.name AS lead_name, ap.name AS approved_by_name,
    gp.name AS governor_name, rp.name AS rejected_by_name
  FROM accounts a
  LEFT JOIN account_secrets s ON s.account_id = a.id AND s.field = 'password'
  LEFT JOIN people lp ON lp.id = a.lead_person_id
  LEFT JOIN people ap ON ap.id = a.approved_by
  LEFT JOIN people gp ON gp.id = a.governor_approved_by
  LEFT JOIN people rp ON rp.id = a.rejected_by
  LEFT JOIN people tp ON tp.id = a.slt_told_person_id`;

const runnerSql = `SELECT r.account_id, p.id, p.name FROM account_runners r JOIN people p ON p.id = r.person_id`;

/** What the register read (register-rows.ts) counted for an account: its holders and findings. */
export type AccountCounts = Pick<RegisterAccount, 'holderCount' | 'breachCount'>;

/**
 * Whole account records (the account page; the CSV and printed register;
 * the password manager export), the counts taken from the register read.
 * One account, or every account in the register's order.
 */
export function readAccounts(db: Db, counts: ReadonlyMap<number, AccountCounts>, accountId?: number): Account[] {
  const one = accountId !== undefined;
  const rows = (
    one
      ? db.prepare(`${accountSql} WHERE a.id = ?`).all(accountId)
      : db.prepare(`${accountSql} ORDER BY a.platform, a.handle COLLATE NOCASE, a.id`).all()
  ) as AccountRow[];
  if (one && rows.length === 0)
    throw new KeyholderError('NOT_FOUND', 'That account does not exist. It may have been removed; refresh the list.');
  const runners = new Map<number, { id: number; name: string }[]>();
  const runnerRows = (
    one
      ? db.prepare(`${runnerSql} WHERE r.account_id = ? ORDER BY p.name`).all(accountId)
      : db.prepare(`${runnerSql} ORDER BY p.name`).all()
  ) as { account_id: number; id: number; name: string }[];
  for (const r of runnerRows) pushTo(runners, r.account_id, { id: r.id, name: r.name });
  return rows.map((row) => {
    const counted = counts.get(row.id);
    return toAccount(row, runners.get(row.id) ?? [], counted?.holderCount ?? 0, counted?.breachCount ?? 0);
  });
}

/**
 * The settings the rules need, with the school's email domain inferred from
 * the register and the staff directory when the setting is empty, and the
 * staff's own work addresses (an account logged in with one is theirs).
 */
export function complianceSettings(db: Db, settings: Settings): ComplianceSettings {
  const generic = settings.genericMailboxNames;
  const staff = (
    db.prepare("SELECT lower(work_email) AS email FROM people WHERE work_email != ''").all() as {
      email: string;
    }[]
  ).map((row) => row.email);
  let schoolEmailDomain = settings.schoolEmailDomain;
  if (!schoolEmailDomain) {
    const logins = (
      db.prepare("SELECT login_email AS email FROM accounts WHERE login_email != ''").all() as { email: string }[]
    ).map((row) => row.email);
    schoolEmailDomain = inferSchoolDomain([...logins, ...staff]);
  }
  return {
    maxHolders: settings.maxHolders,
    minRunners: settings.minRunners,
    approvalRule: settings.approvalRule,
    schoolEmailDomain,
    genericMailboxNames: generic,
    staffEmails: new Set(staff.filter((email) => !generic.includes(email.split('@')[0] ?? ''))),
  };
}

function toAccount(
  row: AccountRow,
  runners: { id: number; name: string }[],
  holderCount: number,
  breachCount: number,
): Account {
  return {
    id: row.id,
    platform: row.platform,
    handle: row.handle,
    fullName: row.full_name,
    displayName: row.display_name,
    profileUrl: row.profile_url,
    loginUrl: row.login_url,
    loginEmail: row.login_email,
    username: row.username,
    twoFactorMethod: row.two_factor_method,
    replies: row.replies,
    notes: row.notes,
    status: row.status,
    statusChangedOn: row.status_changed_on,
    statusOverrideReason: row.status_override_reason,
    lead:
      row.lead_person_id !== null && row.lead_name !== null ? { id: row.lead_person_id, name: row.lead_name } : null,
    approvedBy:
      row.approved_by !== null && row.approved_by_name !== null
        ? { id: row.approved_by, name: row.approved_by_name }
        : null,
    governorApprovedBy: personRef(row.governor_approved_by, row.governor_name),
    approvedOn: row.approved_on,
    rejection:
      row.rejected_on !== null && row.rejected_by !== null && row.rejected_by_name !== null
        ? { by: { id: row.rejected_by, name: row.rejected_by_name }, on: row.rejected_on, reason: row.rejected_reason }
        : null,
    businessCase: {
      aim: row.bc_aim,
      audience: row.bc_audience,
      promotion: row.bc_promotion,
      visibility: row.bc_visibility,
      runners,
    },
    launch: launchOf(row),
    holderCount,
    rotationRequired:
      row.rotation_required_reason && row.rotation_required_since
        ? { reason: row.rotation_required_reason, since: row.rotation_required_since }
        : null,
    hasPassword: row.password_set_at !== null,
    passwordWeakness: row.password_weakness,
    passwordSetAt: row.password_set_at,
    breachCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function personRef(id: number | null, name: string | null): { id: number; name: string } | null {
  return id !== null && name !== null ? { id, name } : null;
}
