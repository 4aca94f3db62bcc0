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
  auditKey(): string;
}

export const vaultScheme = (vaultId: string): AadScheme => ({
  secret: (accountId, field) => aad.secret(vaultId, accountId, field),
  history: (accountId, historyId) => aad.history(vaultId, accountId, historyId),
  auditKey: () => aad.auditKey(vaultId),
});

export const backupScheme = (backupId: string): AadScheme => ({
  secret: (accountId, field) => `keyholder-backup/v1/${backupId}/account/${accountId}/${field}`,
  history: (accountId, historyId) => `keyholder-backup/v1/${backupId}/account/${accountId}/history/${historyId}`,
  auditKey: () => `keyholder-backup/v1/${backupId}/audit-key`,
});

export interface Sealing {
  key: Buffer;
  scheme: AadScheme;
}

/** The columns that hold envelopes; the vault table's key check is rebuilt, not copied. */
const knownSecretColumns = new Set([
  'account_secrets.envelope',
  'password_history.envelope',
  'vault.key_check',
  'vault.audit_key',
]);

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

/** A stored secret that could not be decrypted: carried across as it is, and named in the report. */
export interface DamagedSecret {
  accountId: number | null;
  field: string;
}

/**
 * Re-encrypts every secret (and the audit key) from one key and binding to
 * another, in one transaction. A secret that no longer decrypts is carried
 * across unchanged and reported, so one damaged password never stops a
 * backup, which is exactly when one is needed.
 */
export function rewriteSecrets(db: Db, from: Sealing, to: Sealing): { rewritten: number; damaged: DamagedSecret[] } {
  assertKnownSecretColumns(db);
  const damaged: DamagedSecret[] = [];
  let rewritten = 0;
  const reseal = (envelope: string, fromAad: string, toAad: string, where: DamagedSecret): string => {
    try {
      const plain = decryptSecret(from.key, envelope, fromAad);
      rewritten += 1;
      return encryptSecret(to.key, plain, toAad);
    } catch {
      damaged.push(where);
      return envelope;
    }
  };
  db.transaction(() => {
    const secrets = db.prepare('SELECT account_id, field, envelope FROM account_secrets').all() as {
      account_id: number;
      field: string;
      envelope: string;
    }[];
    const setSecret = db.prepare('UPDATE account_secrets SET envelope = ? WHERE account_id = ? AND field = ?');
    for (const row of secrets) {
      const [a, f] = [row.account_id, row.field];
      setSecret.run(
        reseal(row.envelope, from.scheme.secret(a, f), to.scheme.secret(a, f), { accountId: a, field: f }),
        a,
        f,
      );
    }
    const history = db.prepare('SELECT id, account_id, envelope FROM password_history').all() as {
      id: number;
      account_id: number;
      envelope: string;
    }[];
    const setHistory = db.prepare('UPDATE password_history SET envelope = ? WHERE id = ?');
    for (const row of history) {
      const where = { accountId: row.account_id, field: 'previousPassword' };
      setHistory.run(
        reseal(
          row.envelope,
          from.scheme.history(row.account_id, row.id),
          to.scheme.history(row.account_id, row.id),
          where,
        ),
        row.id,
      );
    }
    const vault = db.prepare('SELECT audit_key FROM vault WHERE singleton = 1').get() as
      { audit_key: string | null } | undefined;
    if (vault?.audit_key) {
      const audit = reseal(vault.audit_key, from.scheme.auditKey(), to.scheme.auditKey(), {
        accountId: null,
        field: 'auditKey',
      });
      db.prepare('UPDATE vault SET audit_key = ? WHERE singleton = 1').run(audit);
    }
  }).immediate();
  return { rewritten, damaged };
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
