import type { SecretField } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import { aad, decryptSecret, encryptSecret } from '../vault/envelope';

/**
 * Writing secret rows, for the secrets service and for imports alike: the
 * current value of a field, and the history of previous passwords, each
 * encrypted and bound to its account, field or history row.
 */

/** How many previous passwords are kept (and checked against) per account. */
export const historyDepth = 10;

interface SecretRow {
  envelope: string;
  set_at: string;
  set_by: string;
  reason: string;
}

export interface VaultKey {
  key: Buffer;
  vaultId: string;
}

export interface HistoryInput {
  password: string;
  setAt: string;
  setBy: string;
  reason: string;
  retiredAt: string;
  retiredBy: string;
  retiredReason: string;
}

/** Adds a previous password (re-encrypted for its own row) and keeps the last 10. Call inside a transaction. */
export function addHistory(db: Db, vault: VaultKey, accountId: number, entry: HistoryInput): void {
  // The id is chosen here because the envelope is bound to it.
  const historyId =
    ((db.prepare('SELECT MAX(id) AS id FROM password_history').get() as { id: number | null }).id ?? 0) + 1;
  db.prepare(
    `INSERT INTO password_history (id, account_id, envelope, set_at, set_by, reason, retired_at, retired_by, retired_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    historyId,
    accountId,
    encryptSecret(vault.key, entry.password, aad.history(vault.vaultId, accountId, historyId)),
    entry.setAt,
    entry.setBy,
    entry.reason,
    entry.retiredAt,
    entry.retiredBy,
    entry.retiredReason,
  );
  db.prepare(
    `DELETE FROM password_history WHERE account_id = ? AND id NOT IN
       (SELECT id FROM password_history WHERE account_id = ? ORDER BY id DESC LIMIT ?)`,
  ).run(accountId, accountId, historyDepth);
}

/**
 * Stores a new current value, inside the caller's transaction. For a
 * password the previous one moves to the history (the last 10 are kept),
 * and any "rotation required" flag and recorded weakness are cleared, since
 * the password has now changed.
 */
export function storeSecret(
  db: Db,
  vault: VaultKey,
  accountId: number,
  label: string,
  field: SecretField | 'pendingPassword',
  value: string,
  /** `setAt`: when the value was really set, if earlier than now (an imported password's "last changed"). */
  meta: { actor: string; now: string; reason: string; source: string; setAt?: string },
): void {
  const previous = db
    .prepare('SELECT envelope, set_at, set_by, reason FROM account_secrets WHERE account_id = ? AND field = ?')
    .get(accountId, field) as SecretRow | undefined;
  // A damaged current password cannot go into the history; the new one replaces it all the same.
  const plain =
    field === 'password' && previous
      ? readable(vault.key, previous.envelope, aad.secret(vault.vaultId, accountId, 'password'))
      : null;
  if (previous && plain !== null) {
    addHistory(db, vault, accountId, {
      password: plain,
      setAt: previous.set_at,
      setBy: previous.set_by,
      reason: previous.reason,
      retiredAt: meta.now,
      retiredBy: meta.actor,
      retiredReason: meta.reason,
    });
  }
  db.prepare(
    `INSERT INTO account_secrets (account_id, field, envelope, set_at, set_by, reason) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, field) DO UPDATE SET envelope = excluded.envelope, set_at = excluded.set_at,
       set_by = excluded.set_by, reason = excluded.reason`,
  ).run(
    accountId,
    field,
    encryptSecret(vault.key, value, aad.secret(vault.vaultId, accountId, field)),
    meta.setAt ?? meta.now,
    meta.actor,
    meta.reason,
  );
  const cleared =
    field === 'password'
      ? ", rotation_required_reason = NULL, rotation_required_since = NULL, password_weakness = ''"
      : '';
  db.prepare(`UPDATE accounts SET updated_at = ?${cleared} WHERE id = ?`).run(meta.now, accountId);
  if (field === 'pendingPassword') return; // the rotation writes its own audit entries
  appendAudit(db, new Date(meta.now), {
    actor: meta.actor,
    action: previous ? 'secret.changed' : 'secret.set',
    targetType: 'account',
    targetId: accountId,
    targetLabel: label,
    details: {
      field,
      source: meta.source,
      reason: meta.reason,
      ...(previous && field === 'password' && plain === null ? { previousUnreadable: true } : {}),
    },
  });
}

/** The plaintext, or null when the stored envelope is damaged or does not belong here. */
export function readable(key: Buffer, envelope: string, binding: string): string | null {
  try {
    return decryptSecret(key, envelope, binding);
  } catch {
    return null;
  }
}
