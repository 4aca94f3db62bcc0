import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import { exportKdbx } from '../migrate/keepass-export';
import { MigrateService } from '../migrate/migrate-service';
import { readSettings } from '../settings/settings-store';
import { ukDateOf } from '../transfer/uk-date';
import type { VaultService } from '../vault/vault-service';
import { AutomaticBackups } from './automatic-backups';
import { BackupService } from './backup-service';
import { RestoreService } from './restore-service';

type Channels =
  | 'backup.status'
  | 'backup.create'
  | 'backup.setAutomatic'
  | 'backup.stopAutomatic'
  | 'backup.runNow'
  | 'restore.open'
  | 'restore.inspect'
  | 'restore.commit'
  | 'restore.cancel'
  | 'keepass.export'
  | 'migrate.open'
  | 'migrate.preview'
  | 'migrate.commit'
  | 'migrate.cancel';

/**
 * Backup, restore, the KeePassXC export and the password manager imports,
 * as one piece the core creates: its handlers, its daily tick, and what it
 * forgets when the vault locks. `onRestored` lets the core drop anything it
 * holds from the vault that was replaced.
 */
export class BackupFeature {
  readonly backups: BackupService;
  readonly automatic: AutomaticBackups;
  readonly restores: RestoreService;
  readonly migrations: MigrateService;

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
    onRestored: () => void,
  ) {
    this.backups = new BackupService(ctx, vault);
    this.restores = new RestoreService(ctx, vault, () => {
      this.migrations.forgetAll();
      onRestored();
    });
    this.automatic = new AutomaticBackups(ctx, vault, this.backups, () => this.restores.isBusy());
    this.migrations = new MigrateService(ctx, vault);
  }

  tick(): void {
    this.restores.expire();
    this.migrations.expire();
    this.automatic.tick();
  }

  /** On lock: opened backups (their data key) and opened exports (their passwords) go with the vault key. */
  forgetAll(): void {
    this.restores.forgetAll();
    this.migrations.forgetAll();
  }

  private async exportKeepass(passphrase: string) {
    this.vault.key();
    this.backups.requireStrong(passphrase);
    const school = readSettings(this.ctx.db)
      .schoolName.toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const date = ukDateOf(this.ctx.clock.now().toISOString()).split('/').reverse().join('-');
    const path = await this.ctx.platform.chooseSavePath({
      title: 'Save the KeePassXC database',
      defaultName: `${school || 'keyholder'}-${date}.kdbx`,
      filters: [{ name: 'KeePass database (KDBX 4)', extensions: ['kdbx'] }],
    });
    if (path === null) return { cancelled: true as const };
    return exportKdbx(this.ctx, this.vault, passphrase, path);
  }

  handlers(): Pick<Handlers, Channels> {
    return {
      'backup.status': () => this.automatic.status(),
      'backup.create': ({ passphrase }) => this.backups.create(passphrase),
      'backup.setAutomatic': ({ passphrase, keep }) => this.automatic.setUp(passphrase, keep),
      'backup.stopAutomatic': () => this.automatic.stop(),
      'backup.runNow': () => this.automatic.run(),
      'restore.open': () => this.restores.open(),
      'restore.inspect': ({ restoreId, passphrase }) => this.restores.inspect(restoreId, passphrase),
      'restore.commit': ({ restoreId }) => this.restores.commit(restoreId),
      'restore.cancel': ({ restoreId }) => this.restores.cancel(restoreId),
      'keepass.export': ({ passphrase }) => this.exportKeepass(passphrase),
      'migrate.open': () => this.migrations.open(),
      'migrate.preview': ({ migrateId, choices }) => this.migrations.preview(migrateId, choices),
      'migrate.commit': ({ migrateId, choices }) => this.migrations.commit(migrateId, choices),
      'migrate.cancel': ({ migrateId }) => this.migrations.cancel(migrateId),
    };
  }
}
