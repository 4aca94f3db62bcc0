import Database from 'better-sqlite3';
import { KeyholderError, type BackupCounts } from '../../shared/contract';
import type { Db } from '../db/open';
import { aad, decryptSecret, encryptSecret } from '../vault/envelope';

/**
 * The backup's payload is the whole database as SQLite bytes, taken with
 * better-sqlite3's serialize() (a consistent snapshot, WAL included) and
 * rewritten in memory: never as a file. Each secret envelope is decrypted
 * with the vault key and encrypted again with a random per-backup data key,
 * bound to the backup's id instead of the vault's. The data key travels
 * inside the passphrase-encrypted payload, so the backup opens on any
 * computer, and a plaintext secret never exists outside this process.
 */
export interface AadScheme {
  secret(accountId: number, field: string): string;
  history(accountId: number, historyId: number): string;
}

export const vaultScheme = (vaultId: string): AadScheme => ({
  secret: (accountId, field) => aad.secret(vaultId, accountId, field),
  history: (accountId, historyId) => aad.history(vaultId, accountId, historyId),
});

export const backupScheme = (backupId: string): AadScheme => ({
  secret: (accountId, field) => `keyholder-backup/v1/${backupId}/account/${accountId}/${field}`,
  history: (accountId, historyId) => `keyholder-backup/v1/${backupId}/account/${accountId}/history/${historyId}`,
});

export interface Sealing {
  key: Buffer;
  scheme: AadScheme;
}

/** The columns that hold envelopes; the vault table's key check is rebuilt, not copied. */
const knownSecretColumns = new Set(['account_secrets.envelope', 'password_history.envelope', 'vault.key_check']);

/**
 * A table added later with an encrypted column would otherwise be copied
 * still under the old vault key and be unreadable after a restore on a new
 * computer; refusing is better than a backup that silently loses secrets.
 */
export function assertKnownSecretColumns(db: Db): void {
  for (const table of tableNames(db)) {
    for (const column of db.pragma(`table_info("${table}")`) as { name: string }[]) {
      const name = `${table}.${column.name}`;
      if (/envelope|ciphertext|key_check/i.test(column.name) && !knownSecretColumns.has(name)) {
        throw new KeyholderError(
          'INTERNAL',
          `This version of Keyholder does not know how to back up ${name}, so no backup was made. Update Keyholder.`,
        );
      }
    }
  }
}

export function tableNames(db: Db): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((row) => row.name);
}

/** Re-encrypts every secret from one key and binding to another, in one transaction; returns how many. */
export function rewriteSecrets(db: Db, from: Sealing, to: Sealing): number {
  assertKnownSecretColumns(db);
  const secrets = db.prepare('SELECT account_id, field, envelope FROM account_secrets').all() as {
    account_id: number;
    field: string;
    envelope: string;
  }[];
  const history = db.prepare('SELECT id, account_id, envelope FROM password_history').all() as {
    id: number;
    account_id: number;
    envelope: string;
  }[];
  const setSecret = db.prepare('UPDATE account_secrets SET envelope = ? WHERE account_id = ? AND field = ?');
  const setHistory = db.prepare('UPDATE password_history SET envelope = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of secrets) {
      const plain = decryptSecret(from.key, row.envelope, from.scheme.secret(row.account_id, row.field));
      setSecret.run(
        encryptSecret(to.key, plain, to.scheme.secret(row.account_id, row.field)),
        row.account_id,
        row.field,
      );
    }
    for (const row of history) {
      const plain = decryptSecret(from.key, row.envelope, from.scheme.history(row.account_id, row.id));
      setHistory.run(encryptSecret(to.key, plain, to.scheme.history(row.account_id, row.id)), row.id);
    }
  })();
  return secrets.length + history.length;
}

/**
 * Opens serialized database bytes as an in-memory database. Bytes 18 and 19
 * of the SQLite header say "WAL mode", which an in-memory database cannot
 * use, so they are set back to the rollback-journal value on a copy first.
 */
export function openInMemory(bytes: Buffer): Db {
  const copy = Buffer.from(bytes);
  if (copy.length >= 100 && copy[18] === 2 && copy[19] === 2) copy[18] = copy[19] = 1;
  return new Database(copy);
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function countRows(db: Db): { counts: BackupCounts; tables: Record<string, number> } {
  const tables: Record<string, number> = {};
  for (const table of tableNames(db)) tables[table] = count(db, `SELECT COUNT(*) AS n FROM "${table}"`);
  return {
    tables,
    counts: {
      accounts: count(db, 'SELECT COUNT(*) AS n FROM accounts'),
      people: count(db, 'SELECT COUNT(*) AS n FROM people'),
      holders: count(db, 'SELECT COUNT(*) AS n FROM account_holders WHERE removed_on IS NULL'),
      passwords: count(db, "SELECT COUNT(*) AS n FROM account_secrets WHERE field = 'password'"),
      passwordHistory: count(db, 'SELECT COUNT(*) AS n FROM password_history'),
      rotations: count(db, 'SELECT COUNT(*) AS n FROM rotations'),
      auditEntries: count(db, 'SELECT COUNT(*) AS n FROM audit_log'),
    },
  };
}

const payloadMagic = Buffer.from('KHP1', 'ascii');

/** payload = "KHP1" | 32-byte data key | SQLite bytes. */
export function packPayload(dataKey: Buffer, database: Buffer): Buffer {
  return Buffer.concat([payloadMagic, dataKey, database]);
}

export function unpackPayload(payload: Buffer): { dataKey: Buffer; database: Buffer } | null {
  if (payload.length < 4 + 32 + 100 || !payload.subarray(0, 4).equals(payloadMagic)) return null;
  return { dataKey: Buffer.from(payload.subarray(4, 36)), database: payload.subarray(36) };
}
