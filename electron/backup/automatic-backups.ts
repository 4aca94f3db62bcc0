import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { KeyholderError, type BackupStatus } from '../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import { readSettings, writeSettings } from '../settings/settings-store';
import type { VaultService } from '../vault/vault-service';
import { BackupService, filters, type Written } from './backup-service';
import { londonDateOf } from '../../shared/time';

/** After a failed automatic backup (share offline, laptop away from school), try again this much later. */
export const retryMinutes = 60;

/**
 * Automatic backups: once a day while Keyholder runs and the vault is
 * unlocked, into the folder the administrator chose, keeping the newest N
 * files this vault wrote there. The passphrase lives in the OS keychain
 * beside the vault key (anyone who can read one can read the other), so
 * nobody is asked for it every day and it is never in the database.
 */
export class AutomaticBackups {
  private running: Promise<void> | null = null;
  private lastAttempt = 0;
  private lastError: string | null = null;
  private notifiedOn = '';

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
    private readonly backups: BackupService,
    private readonly isBusy: () => boolean,
  ) {}

  async status(): Promise<BackupStatus> {
    return this.backups.status(this.lastError, this.files());
  }

  /** The backups this vault wrote in the folder, newest first. */
  files(): BackupStatus['automatic']['files'] {
    const folder = readSettings(this.ctx.db).backupFolder;
    let vaultId: string;
    try {
      vaultId = this.vault.vaultId();
    } catch {
      return [];
    }
    const pattern = BackupService.automaticPattern(vaultId);
    try {
      return readdirSync(folder)
        .filter((name) => pattern.test(name))
        .sort()
        .reverse()
        .map((name) => {
          const stats = statSync(join(folder, name));
          return { name, sizeBytes: stats.size, modifiedAt: stats.mtime.toISOString() };
        });
    } catch {
      return [];
    }
  }

  /** Saves the first automatic backup where the administrator chooses; that folder is used from then on. */
  async setUp(passphrase: string, keep: number): Promise<Written | { cancelled: true }> {
    this.backups.requireStrong(passphrase);
    const path = await this.ctx.platform.chooseSavePath({
      title: 'Choose the folder for automatic backups (the first one is saved there now)',
      defaultName: BackupService.automaticName(this.ctx.clock.now(), this.vault.vaultId()),
      filters,
    });
    if (path === null) return { cancelled: true };
    const folder = dirname(path);
    this.refuseFolder(folder);
    // The backup first: if the folder cannot be written to, nothing is changed.
    const written = await this.backups.write(this.backups.automaticPath(folder), passphrase, true);
    // Typing the same passphrase for the same folder again (say, on a new keychain) leaves the kit in the safe valid.
    const changed =
      (await this.backups.storedPassphrase()) !== passphrase || readSettings(this.ctx.db).backupFolder !== folder;
    await this.backups.storePassphrase(passphrase);
    this.ctx.db
      .transaction(() => {
        // A new folder or passphrase: the emergency kit in the safe is out of date (shared/policy/emergency-kit.ts).
        writeSettings(this.ctx.db, {
          backupFolder: folder,
          backupKeep: keep,
          ...(changed ? { backupChangedAt: this.ctx.clock.now().toISOString() } : {}),
        });
        appendAudit(this.ctx.db, this.ctx.clock.now(), {
          actor: this.vault.actor(),
          action: 'backup.automatic-on',
          details: { folder, keep },
        });
      })
      .immediate();
    this.lastError = null;
    this.prune();
    return written;
  }

  /** Backups inside Keyholder's own data folder would be lost with the computer, and pruning would touch the vault's folder. */
  private refuseFolder(folder: string): void {
    const inside = relative(resolve(this.ctx.dataDir), resolve(folder));
    if (!isAbsolute(folder) || inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      throw new KeyholderError(
        'POLICY',
        "Choose a folder outside Keyholder's own data folder for automatic backups, ideally on a network share or OneDrive, so a backup survives the loss of this computer. Nothing was changed.",
      );
    }
  }

  async stop(): Promise<BackupStatus> {
    await this.backups.forgetPassphrase();
    this.ctx.db
      .transaction(() => {
        writeSettings(this.ctx.db, { backupFolder: '', backupChangedAt: this.ctx.clock.now().toISOString() });
        appendAudit(this.ctx.db, this.ctx.clock.now(), { actor: this.vault.actor(), action: 'backup.automatic-off' });
      })
      .immediate();
    this.lastError = null;
    return this.status();
  }

  /** One automatic backup now, with the stored passphrase; throws with a message the administrator can act on. */
  async run(): Promise<Written> {
    const folder = readSettings(this.ctx.db).backupFolder;
    const passphrase = await this.backups.storedPassphrase();
    if (!folder || passphrase === null) {
      throw new KeyholderError(
        'POLICY',
        folder
          ? 'Automatic backups need their passphrase again on this computer. Choose "Set up automatic backups".'
          : 'Automatic backups are not set up. Choose "Set up automatic backups" first.',
      );
    }
    let isFolder = false;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) {
      throw new KeyholderError(
        'CONFLICT',
        `The backup folder ${folder} cannot be reached. If it is on a network share or OneDrive, check this computer is connected, then choose "Back up now".`,
      );
    }
    const written = await this.backups.write(this.backups.automaticPath(folder), passphrase, true);
    this.lastError = null;
    this.prune();
    return written;
  }

  /** Deletes this vault's oldest automatic backups beyond the number to keep; other files are never touched. */
  prune(): string[] {
    const { backupFolder, backupKeep } = readSettings(this.ctx.db);
    const old = this.files().slice(backupKeep);
    for (const file of old) rmSync(join(backupFolder, file.name), { force: true });
    return old.map((file) => file.name);
  }

  /** Called on every core tick: starts the day's backup when one is due. */
  tick(): void {
    if (this.running || this.isBusy() || !this.vault.isUnlocked()) return;
    const settings = readSettings(this.ctx.db);
    if (!settings.backupFolder) return;
    const now = this.ctx.clock.now();
    if (settings.lastBackupAt && londonDateOf(settings.lastBackupAt) === londonDateOf(now)) return;
    if (now.getTime() - this.lastAttempt < retryMinutes * 60_000) return;
    this.lastAttempt = now.getTime();
    this.running = this.run()
      .then(
        () => undefined,
        (error: unknown) => this.failed(error),
      )
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves once any automatic backup under way has finished (for shutdown and tests). */
  async settled(): Promise<void> {
    await this.running;
  }

  private failed(error: unknown): void {
    const message =
      error instanceof KeyholderError ? error.message : 'The automatic backup failed; see the log for details.';
    this.lastError = message;
    this.ctx.log(`Automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
    const today = londonDateOf(this.ctx.clock.now());
    if (this.notifiedOn === today) return;
    this.notifiedOn = today;
    this.ctx.platform.notify('Keyholder: the automatic backup failed', message);
  }
}
