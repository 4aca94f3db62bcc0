import { randomBytes, randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { KeyholderError, type BackupCounts, type BackupStatus } from '../../shared/contract';
import { checkPassphrase } from '../../shared/policy/backup-passphrase';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import { readSettings, writeSettings } from '../settings/settings-store';
import { writeFileAtomic } from '../lib/atomic-write';
import { keychainService, type VaultService } from '../vault/vault-service';
import { backupExtension, encodeBackup } from './backup-file';
import type { Db } from '../db/open';
import {
  backupScheme,
  countRows,
  openInMemory,
  packPayload,
  rewriteSecrets,
  vaultScheme,
  type DamagedSecret,
} from './backup-payload';
import { ukDateOf } from '../../shared/time';

export interface Written {
  cancelled: false;
  path: string;
  sizeBytes: number;
  counts: BackupCounts;
  unreadable: string[];
}

export const staleAfterDays = 7;

/** The keychain entry (service "Keyholder") for the automatic-backup passphrase: never in the database. */
export const automaticAccount = (vaultId: string) => `${vaultId}/automatic-backup`;

export const filters = [{ name: 'Keyholder backup', extensions: [backupExtension] }];

/** Making backups, by hand (passphrase typed each time) and automatically (passphrase in the keychain). */
export class BackupService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
  ) {}

  requireStrong(passphrase: string): void {
    const check = checkPassphrase(passphrase, readSettings(this.ctx.db));
    if (!check.ok) throw new KeyholderError('POLICY', `Choose a stronger passphrase. ${check.reasons.join(' ')}`);
  }

  /** The whole vault, every secret re-encrypted for the backup, sealed with the passphrase. */
  async build(
    passphrase: string,
    automatic: boolean,
  ): Promise<{ bytes: Buffer; counts: BackupCounts; unreadable: string[] }> {
    const key = this.vault.key();
    const vaultId = this.vault.vaultId();
    const settings = readSettings(this.ctx.db);
    const memory = openInMemory(this.ctx.db.serialize());
    const dataKey = randomBytes(32);
    try {
      const backupId = randomUUID();
      const { damaged } = rewriteSecrets(
        memory,
        { key, scheme: vaultScheme(vaultId) },
        { key: dataKey, scheme: backupScheme(backupId) },
      );
      const unreadable = describeDamaged(memory, damaged);
      // The key check only proves the old computer's key; a restore makes a new one.
      memory.prepare('UPDATE vault SET key_check = NULL').run();
      // Rebuilds the file so no page still holds an envelope under the vault key.
      memory.exec('VACUUM');
      const { counts, tables } = countRows(memory);
      const payload = packPayload(dataKey, memory.serialize());
      const bytes = await encodeBackup(
        {
          backupId,
          schoolName: settings.schoolName,
          createdAt: this.ctx.clock.now().toISOString(),
          createdBy: this.vault.actor(),
          appVersion: this.ctx.appVersion,
          schemaVersion: memory.pragma('user_version', { simple: true }) as number,
          automatic,
          counts,
          tables,
        },
        passphrase,
        payload,
      );
      payload.fill(0);
      return { bytes, counts, unreadable };
    } finally {
      dataKey.fill(0);
      memory.close();
    }
  }

  /** Writes a backup to `path` atomically and records it. */
  async write(path: string, passphrase: string, automatic: boolean): Promise<Written> {
    const { bytes, counts, unreadable } = await this.build(passphrase, automatic);
    writeFileAtomic(path, bytes);
    const now = this.ctx.clock.now();
    this.ctx.db
      .transaction(() => {
        writeSettings(this.ctx.db, { lastBackupAt: now.toISOString() });
        appendAudit(this.ctx.db, now, {
          actor: this.vault.actor(),
          action: 'backup.created',
          details: { fileName: basename(path), folder: dirname(path), automatic, counts, unreadable },
        });
      })
      .immediate();
    if (unreadable.length > 0) this.ctx.log(`Backup carried ${unreadable.length} unreadable secret(s) as they were`);
    return { cancelled: false, path, sizeBytes: bytes.length, counts, unreadable };
  }

  async create(passphrase: string): Promise<Written | { cancelled: true }> {
    this.requireStrong(passphrase);
    const date = ukDateOf(this.ctx.clock.now().toISOString()).split('/').reverse().join('-');
    const path = await this.ctx.platform.chooseSavePath({
      title: 'Save the Keyholder backup',
      defaultName: `keyholder-backup-${date}.${backupExtension}`,
      filters,
    });
    if (path === null) return { cancelled: true };
    return this.write(path, passphrase, false);
  }

  async storedPassphrase(): Promise<string | null> {
    let vaultId: string;
    try {
      vaultId = this.vault.vaultId();
    } catch {
      return null;
    }
    return this.ctx.secretStore.get(keychainService, automaticAccount(vaultId)).catch(() => null);
  }

  async storePassphrase(passphrase: string): Promise<void> {
    const account = automaticAccount(this.vault.vaultId());
    try {
      await this.ctx.secretStore.set(keychainService, account, passphrase);
      if ((await this.ctx.secretStore.get(keychainService, account)) !== passphrase)
        throw new Error('The keychain did not keep the passphrase');
    } catch (error) {
      if (error instanceof KeyholderError) throw error;
      throw new KeyholderError(
        'KEYCHAIN_UNAVAILABLE',
        'Keyholder could not keep the automatic-backup passphrase in this computer keychain, so automatic backups were not turned on. Unlock the keychain and try again.',
      );
    }
  }

  async forgetPassphrase(): Promise<void> {
    await this.ctx.secretStore.delete(keychainService, automaticAccount(this.vault.vaultId())).catch(() => false);
  }

  async status(lastError: string | null, files: BackupStatus['automatic']['files']): Promise<BackupStatus> {
    const settings = readSettings(this.ctx.db);
    const passphraseStored = (await this.storedPassphrase()) !== null;
    return {
      lastBackupAt: settings.lastBackupAt,
      warning: this.staleWarning(settings.lastBackupAt),
      automatic: {
        folder: settings.backupFolder,
        keep: settings.backupKeep,
        passphraseStored,
        active: settings.backupFolder !== '' && passphraseStored,
        lastError,
        files,
      },
    };
  }

  private staleWarning(lastBackupAt: string | null): string | null {
    if (!lastBackupAt) {
      return 'No backup of the vault has been made yet. If this computer fails, the passwords are lost: make a backup now and set up automatic backups.';
    }
    const days = Math.floor((this.ctx.clock.now().getTime() - Date.parse(lastBackupAt)) / 86_400_000);
    // A date ahead of this computer's clock proves nothing about today's backups.
    if (days < 0) {
      return `The last backup is dated ${ukDateOf(lastBackupAt)}, which is later than this computer's clock. Check the computer's date, then make a backup now.`;
    }
    if (days <= staleAfterDays) return null;
    return `The last backup was made on ${ukDateOf(lastBackupAt)}, ${days} days ago. Make a backup now, and check that automatic backups are working.`;
  }

  /** The automatic backup's file name: sortable, and naming this vault so pruning never touches another's. */
  static automaticName(now: Date, vaultId: string): string {
    const stamp = now
      .toISOString()
      .replace(/\.\d+Z$/, '')
      .replace(/[-:]/g, '')
      .replace('T', '-');
    return `keyholder-backup-${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}-${stamp.slice(9)}-${vaultId.slice(0, 8)}.${backupExtension}`;
  }

  static automaticPattern(vaultId: string): RegExp {
    return new RegExp(`^keyholder-backup-\\d{4}-\\d{2}-\\d{2}-\\d{6}-${vaultId.slice(0, 8)}\\.${backupExtension}$`);
  }

  automaticPath(folder: string): string {
    return join(folder, BackupService.automaticName(this.ctx.clock.now(), this.vault.vaultId()));
  }
}

const fieldNames: Record<string, string> = {
  password: 'password',
  recoveryCodes: 'recovery codes',
  twoFactorNotes: 'two-factor notes',
  pendingPassword: 'new password being changed',
  previousPassword: 'a previous password',
  auditKey: 'audit log key',
};

/** "@stmarysnews: password" for each secret that could not be read, for the administrator. */
export function describeDamaged(db: Db, damaged: DamagedSecret[]): string[] {
  const handle = db.prepare('SELECT handle FROM accounts WHERE id = ?');
  return damaged.map(({ accountId, field }) => {
    const label =
      accountId === null
        ? 'Vault'
        : ((handle.get(accountId) as { handle: string } | undefined)?.handle ?? `Account ${accountId}`);
    return `${label}: ${fieldNames[field] ?? field}`;
  });
}
