import type { SecretField } from '../../shared/contract';
import { appendAudit, type AuditInput } from '../audit/audit-log';
import type { Db } from '../db/open';
import { createAccount } from '../register/accounts';
import { markRotationRequired } from '../register/holders';
import { aad, encryptSecret } from '../vault/envelope';
import type { ReadyRow } from './import-rows';

/** Who is writing, when, and with which key: read once, before the transaction. */
export interface CommitContext {
  db: Db;
  now: Date;
  key: Buffer;
  vaultId: string;
  actor: string;
}

export interface CommitCounts {
  passwordsStored: number;
  /** How many rows had their `otherSecret` stored. */
  otherSecretsStored: number;
}

export interface CommitPlan {
  /** The reason recorded on each secret of a row, naming where it came from. */
  reason: (row: ReadyRow) => string;
  /** Recorded on every imported password: it was kept unencrypted before, so it must be changed. */
  rotationReason: string;
  /** A second secret for the row (recovery codes, notes), stored after the password, or null. */
  otherSecret: (row: ReadyRow) => { field: SecretField; value: string } | null;
  /** The audit entry that closes the import, written last in the same transaction. */
  completed: (counts: CommitCounts) => AuditInput;
}

/**
 * Writes already validated rows into the register: each an account, its
 * password (marked "rotation required") and any other secret, each secret
 * encrypted and audited. The spreadsheet import and the password-manager
 * migration share it, so both give the same all-or-nothing guarantee.
 */
export function commitRows(ctx: CommitContext, rows: ReadyRow[], plan: CommitPlan): CommitCounts {
  const { db, now, key, vaultId, actor } = ctx;
  const counts: CommitCounts = { passwordsStored: 0, otherSecretsStored: 0 };
  const writeSecret = (
    accountId: number,
    label: string,
    field: SecretField,
    value: string,
    setAt: string,
    reason: string,
  ) => {
    db.prepare(
      'INSERT INTO account_secrets (account_id, field, envelope, set_at, set_by, reason) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(accountId, field, encryptSecret(key, value, aad.secret(vaultId, accountId, field)), setAt, actor, reason);
    appendAudit(db, now, {
      actor,
      action: 'secret.set',
      targetType: 'account',
      targetId: accountId,
      targetLabel: label,
      details: { field, source: 'imported', reason },
    });
  };
  // One transaction: every account and secret, or (on any failure) none of them.
  db.transaction(() => {
    for (const row of rows) {
      const account = createAccount({ db, now, actor }, row.account);
      const reason = plan.reason(row);
      if (row.password !== null) {
        // The source's "last changed" date, when given, is when it was really set.
        const setAt = row.passwordChangedOn ? `${row.passwordChangedOn}T00:00:00.000Z` : now.toISOString();
        writeSecret(account.id, account.handle, 'password', row.password, setAt, reason);
        markRotationRequired(db, now, actor, account.id, account.handle, plan.rotationReason);
        counts.passwordsStored += 1;
      }
      const other = plan.otherSecret(row);
      if (other !== null) {
        writeSecret(account.id, account.handle, other.field, other.value, now.toISOString(), reason);
        counts.otherSecretsStored += 1;
      }
    }
    appendAudit(db, now, plan.completed(counts));
  }).immediate();
  return counts;
}
