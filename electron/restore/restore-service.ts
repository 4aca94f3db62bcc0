import { randomBytes, randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { KeyholderError, type RestoreInspected } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { Db } from '../db/open';
import { readSettings, writeSettings } from '../settings/settings-store';
import { aad, encryptSecret, keyBytes, sealedKeyCheckPlaintext } from '../vault/envelope';
import { keychainService, type VaultService } from '../vault/vault-service';
import { openBackup, type BackupHeader } from '../backup/backup-file';
import { backupScheme, openInMemory, rewriteSecrets, unpackPayload, vaultScheme } from '../backup/backup-payload';
import { checkRestorable, migrateInMemory, readBackupFile, summaryOf } from './restore-checks';
import { describeDamaged, filters } from '../backup/backup-service';
import { backupAuditKey } from '../audit/audit-key';
import { setAuditKey } from '../audit/audit-seal';
import { ukDateOf } from '../../shared/time';

/** An opened backup is forgotten after this long, on lock, and once restored. */
export const restoreIdleMinutes = 30;

interface Pending {
  id: string;
  path: string;
  fileName: string;
  parsed: ReturnType<typeof readBackupFile>['parsed'];
  /** After the passphrase: the data key and the SQLite bytes (secrets still encrypted under the data key). */
  opened: { dataKey: Buffer; database: Buffer } | null;
  lastUsed: number;
}

type Target = { mode: RestoreInspected['mode']; currentAccounts: number | null; hasVault: boolean };

/**
 * Restore: choose the file, open it with the passphrase and check it whole
 * in memory, then replace the vault. The replacement is one SQLite write
 * transaction (the backup API copying the restored database into the live
 * file): an interruption at any moment before its commit leaves the vault
 * exactly as it was, and after it the restored vault is complete. The
 * current vault is copied beside itself first.
 */
export class RestoreService {
  private readonly pending = new Map<string, Pending>();
  private busy = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
    private readonly onRestored: () => void,
  ) {}

  isBusy(): boolean {
    return this.busy;
  }

  async open() {
    this.expire();
    const path = await this.ctx.platform.chooseOpenPath({ title: 'Choose the Keyholder backup to restore', filters });
    if (path === null) return { cancelled: true as const };
    const { parsed, sizeBytes } = readBackupFile(path);
    const id = randomBytes(16).toString('hex');
    const fileName = basename(path);
    this.pending.set(id, { id, path, fileName, parsed, opened: null, lastUsed: this.ctx.clock.now().getTime() });
    while (this.pending.size > 3) this.drop(this.pending.keys().next().value!);
    return { cancelled: false as const, restoreId: id, fileName, path, sizeBytes, header: summaryOf(parsed.header) };
  }

  async inspect(restoreId: string, passphrase: string): Promise<RestoreInspected> {
    const pending = this.take(restoreId);
    const target = this.target();
    const payload = await openBackup(pending.parsed, passphrase, pending.fileName);
    const unpacked = unpackPayload(payload);
    if (!unpacked)
      throw new KeyholderError('INVALID_INPUT', `${pending.fileName} is damaged inside. Nothing was changed.`);
    const { header } = pending.parsed;
    const memory = openInMemory(unpacked.database);
    let auditOk: boolean;
    let unreadable: string[];
    try {
      const sealing = { key: unpacked.dataKey, scheme: backupScheme(header.backupId) };
      auditOk = checkRestorable(memory, header, pending.fileName, sealing);
      // Proves every secret opens before anything is replaced; any that was
      // already damaged when the backup was made is named, not a reason to refuse.
      unreadable = describeDamaged(memory, rewriteSecrets(memory, sealing, sealing).damaged);
    } finally {
      memory.close();
    }
    pending.opened = unpacked;
    return {
      restoreId,
      summary: summaryOf(header),
      auditOk,
      mode: target.mode,
      currentAccounts: target.currentAccounts,
      explanation: this.explain(target, header, auditOk, unreadable),
      unreadable,
    };
  }

  private explain(target: Target, header: BackupHeader, auditOk: boolean, unreadable: string[]): string {
    const current = readSettings(this.ctx.db).schoolName;
    const parts = [
      target.hasVault
        ? `This replaces the vault on this computer${target.currentAccounts === null ? '' : ` (${target.currentAccounts} accounts)`} with the backup. A copy of the current vault is kept in the data folder first.`
        : 'This computer has no vault yet: the backup becomes its vault.',
      target.mode === 'new-vault'
        ? "A new key is made and kept in this computer's keychain, and every password is re-encrypted with it."
        : 'The vault keeps its key; every password is re-encrypted with it.',
    ];
    if (target.hasVault && current && header.schoolName !== current)
      parts.push(`Check this is right: the backup is of ${header.schoolName}, but this vault is ${current}.`);
    if (!auditOk)
      parts.push(
        'Warning: the audit log inside this backup does not verify; it was altered before the backup was made.',
      );
    if (unreadable.length > 0)
      parts.push(
        `${unreadable.length} stored ${unreadable.length === 1 ? 'secret was' : 'secrets were'} already damaged when the backup was made (${unreadable.join(', ')}); set new ones after restoring.`,
      );
    return parts.join(' ');
  }

  /** Where the restore goes, or why it cannot happen now. */
  private target(): Target {
    const status = this.vault.status();
    const count = () => (this.ctx.db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
    if (status.state === 'setup-required') return { mode: 'new-vault', currentAccounts: null, hasVault: false };
    if (status.state === 'unlocked') return { mode: 'replace', currentAccounts: count(), hasVault: true };
    // The key is gone (a new Windows profile, a reset keychain): the backup is the way back.
    if (status.reason === 'key-missing' || status.reason === 'key-mismatch')
      return { mode: 'new-vault', currentAccounts: count(), hasVault: true };
    throw new KeyholderError(
      'VAULT_LOCKED',
      `${status.message ?? 'The vault is locked.'} Unlock it first, then restore: the restored passwords are encrypted with this vault's key.`,
    );
  }

  async commit(restoreId: string) {
    const pending = this.take(restoreId);
    if (!pending.opened) throw new KeyholderError('CONFLICT', 'Enter the backup passphrase first.');
    if (this.busy) throw new KeyholderError('CONFLICT', 'A restore is already under way.');
    this.busy = true;
    try {
      const result = await this.replace(pending, pending.opened, this.target());
      this.drop(restoreId);
      this.onRestored();
      return result;
    } finally {
      this.busy = false;
    }
  }

  private async replace(pending: Pending, opened: NonNullable<Pending['opened']>, target: Target) {
    const { header } = pending.parsed;
    const now = this.ctx.clock.now();
    const fresh = target.mode === 'new-vault';
    const vaultId = fresh ? randomUUID() : this.vault.vaultId();
    // Replace mode uses the live key (never wiped here); a new vault's key is wiped once it is in the keychain.
    const key = fresh ? randomBytes(keyBytes) : this.vault.key();
    const snapshotPath = target.hasVault
      ? join(this.ctx.dataDir, `keyholder.db.before-restore.${now.toISOString().replace(/[:.]/g, '-')}.backup`)
      : null;
    const memory = openInMemory(opened.database);
    let keyStored = false;
    let committed = false;
    try {
      migrateInMemory(memory);
      const fromBackup = { key: opened.dataKey, scheme: backupScheme(header.backupId) };
      // The audit log keeps its key (a backup from before sealing gets one now), so the restored chain still verifies.
      setAuditKey(memory, backupAuditKey(memory, fromBackup.key, fromBackup.scheme.auditKey()));
      rewriteSecrets(memory, fromBackup, { key, scheme: vaultScheme(vaultId) });
      const check = encryptSecret(key, sealedKeyCheckPlaintext, aad.keyCheck(vaultId));
      if (memory.prepare('UPDATE vault SET id = ?, key_check = ?').run(vaultId, check).changes !== 1)
        throw new KeyholderError('INVALID_INPUT', `${pending.fileName} holds no vault. Nothing was changed.`);
      // The restore and its record are one change: the audit entry is written inside the restored database.
      writeSettings(memory, { lastBackupAt: header.createdAt });
      appendAudit(memory, now, {
        actor: readSettings(memory).administratorName || 'Administrator',
        action: 'backup.restored',
        details: {
          fileName: pending.fileName,
          backupCreatedAt: header.createdAt,
          schoolName: header.schoolName,
          newKey: fresh,
          previousVaultKeptAt: snapshotPath,
        },
      });
      if (snapshotPath) this.ctx.db.exec(`VACUUM INTO '${snapshotPath.replace(/'/g, "''")}'`);
      if (fresh) {
        keyStored = await this.storeNewKey(vaultId, key);
        key.fill(0);
      }
      await copyInto(memory, this.ctx.databasePath);
      committed = true;
    } finally {
      setAuditKey(memory, null);
      memory.close();
      if (!committed && keyStored) await this.ctx.secretStore.delete(keychainService, vaultId).catch(() => false);
    }
    this.ctx.log(
      `Restored ${pending.fileName} (made ${header.createdAt})${snapshotPath ? `; previous vault kept at ${snapshotPath}` : ''}`,
    );
    if (fresh) await this.vault.unlock();
    else this.vault.reopenAudit();
    const counts = summaryOf(header).counts;
    return {
      mode: target.mode,
      counts,
      snapshotPath,
      message: `Restored ${counts.accounts} account${counts.accounts === 1 ? '' : 's'} and ${counts.passwords} password${counts.passwords === 1 ? '' : 's'} from the backup made on ${ukDateOf(header.createdAt)}.`,
    };
  }

  /** A new vault's key goes into the keychain, never over an entry that is already there. */
  private async storeNewKey(vaultId: string, key: Buffer): Promise<boolean> {
    const encoded = key.toString('base64');
    try {
      if ((await this.ctx.secretStore.get(keychainService, vaultId)) !== null) throw new Error('entry exists');
      await this.ctx.secretStore.set(keychainService, vaultId, encoded);
      if ((await this.ctx.secretStore.get(keychainService, vaultId)) !== encoded) throw new Error('not kept');
      return true;
    } catch {
      throw new KeyholderError(
        'KEYCHAIN_UNAVAILABLE',
        "Keyholder could not keep the new vault key in this computer's keychain, so nothing was restored. Log in to the desktop with the keychain unlocked, then try again.",
      );
    }
  }

  cancel(restoreId: string): { dropped: boolean } {
    const had = this.pending.has(restoreId);
    this.drop(restoreId);
    return { dropped: had };
  }

  /** On lock. A restore already replacing the vault finishes with the data key it holds; it drops it itself. */
  forgetAll(): void {
    if (this.busy) return;
    for (const id of [...this.pending.keys()]) this.drop(id);
  }

  expire(): void {
    const cutoff = this.ctx.clock.now().getTime() - restoreIdleMinutes * 60_000;
    for (const [id, pending] of this.pending) if (pending.lastUsed < cutoff) this.drop(id);
  }

  private drop(id: string): void {
    this.pending.get(id)?.opened?.dataKey.fill(0);
    this.pending.delete(id);
  }

  private take(restoreId: string): Pending {
    this.expire();
    const pending = this.pending.get(restoreId);
    if (!pending)
      throw new KeyholderError(
        'NOT_FOUND',
        'That backup is no longer open (it was restored, cancelled, left for 30 minutes, or the vault locked). Choose the backup file again.',
      );
    pending.lastUsed = this.ctx.clock.now().getTime();
    return pending;
  }
}

/**
 * SQLite's online backup from the restored in-memory database into the live
 * file: the destination is written in one transaction (WAL frames that count
 * only once committed), and SQLite bumps the schema cookie so the open
 * connection reloads. All pages in one step, so nothing else runs in between.
 */
async function copyInto(memory: Db, path: string): Promise<void> {
  await memory.backup(path, { progress: () => 0x7fffffff });
}
