import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import { aad, decryptSecret, encryptSecret, keyBytes, sealedKeyCheckPlaintext } from '../vault/envelope';
import { appendAudit, genesisHash, readHead, writeHead } from './audit-log';
import { setAuditKey } from './audit-seal';

/**
 * The audit key's life: made with the vault, opened at every unlock, and
 * given to a vault from before sealing (whose chain is then sealed as it
 * stands). It is stored in the vault table encrypted under the vault key.
 */
interface VaultRow {
  id: string;
  audit_key: string | null;
}

const row = (db: Db) => db.prepare('SELECT id, audit_key FROM vault WHERE singleton = 1').get() as VaultRow | undefined;

/**
 * A new audit key, stored wrapped under `wrappingKey` (the vault key, or a
 * backup's data key) bound to `binding`; call inside the transaction that
 * writes the vault row.
 */
export function createAuditKey(db: Db, wrappingKey: Buffer, binding: string): Buffer {
  const auditKey = randomBytes(keyBytes);
  db.prepare('UPDATE vault SET audit_key = ? WHERE singleton = 1').run(
    encryptSecret(wrappingKey, auditKey.toString('base64'), binding),
  );
  return auditKey;
}

export function unwrapAuditKey(envelope: string, wrappingKey: Buffer, binding: string): Buffer {
  return Buffer.from(decryptSecret(wrappingKey, envelope, binding), 'base64');
}

/** The stored audit key, or null when there is none or it no longer decrypts. */
export function readAuditKey(db: Db, wrappingKey: Buffer, binding: string): Buffer | null {
  const envelope = row(db)?.audit_key;
  if (!envelope) return null;
  try {
    return unwrapAuditKey(envelope, wrappingKey, binding);
  } catch {
    return null;
  }
}

/**
 * For a backup being restored: its audit key, or for a backup from before
 * sealing a new one (wrapped like the backup's secrets) with the chain's
 * head written as it stands.
 */
export function backupAuditKey(db: Db, dataKey: Buffer, binding: string): Buffer {
  const existing = readAuditKey(db, dataKey, binding);
  if (existing) return existing;
  return db
    .transaction(() => {
      const auditKey = createAuditKey(db, dataKey, binding);
      sealChainAsItStands(db, auditKey);
      return auditKey;
    })
    .immediate();
}

export interface OpenedAuditKey {
  /** Set when the key was expected but is gone: the log's seals can no longer be checked. */
  problem: string | null;
}

/**
 * Opens the audit key after the vault key has been checked, and registers it
 * for this database. `sealed` is what the (authenticated) key check says. A
 * vault from before sealing gets a key and its chain's head is written as it
 * stands; a sealed vault whose key has gone gets a new one, recorded, and
 * the log keeps reporting the damage.
 */
export function openAuditKey(db: Db, vaultKey: Buffer, sealed: boolean, now: Date, actor: string): OpenedAuditKey {
  const vault = row(db);
  if (!vault) return { problem: null };
  if (vault.audit_key) {
    setAuditKey(db, unwrapAuditKey(vault.audit_key, vaultKey, aad.auditKey(vault.id)));
    return { problem: null };
  }
  let problem: string | null = null;
  db.transaction(() => {
    const auditKey = createAuditKey(db, vaultKey, aad.auditKey(vault.id));
    setAuditKey(db, auditKey);
    db.prepare('UPDATE vault SET key_check = ? WHERE singleton = 1').run(
      encryptSecret(vaultKey, sealedKeyCheckPlaintext, aad.keyCheck(vault.id)),
    );
    if (sealed) {
      problem = "The audit log's key was removed from this vault, so its entries can no longer be checked.";
      appendAudit(db, now, { actor, action: 'audit.key-replaced', details: { reason: 'The audit key was missing' } });
    } else {
      sealChainAsItStands(db, auditKey);
      appendAudit(db, now, { actor, action: 'audit.sealed' });
    }
  }).immediate();
  return { problem };
}

/** Writes the head over a chain from before sealing, so removing its end is noticed from now on. */
export function sealChainAsItStands(db: Db, auditKey: Buffer): void {
  if (readHead(db)) return;
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const entries = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  writeHead(db, auditKey, last?.id ?? 0, entries, last?.hash ?? genesisHash);
}
