import type { CoreContext } from '../core/context';
import { MigrateService } from '../migrate/migrate-service';
import type { VaultService } from '../vault/vault-service';
import { AutomaticBackups } from './automatic-backups';
import { EmergencyKit } from './emergency-kit';
import { BackupService } from './backup-service';
import { RestoreService } from '../restore/restore-service';

/**
 * Backups, restoring one, and moving to and from other password managers, as
 * one piece the core creates: the services (their handlers are in each
 * domain's folder), their daily tick, and what they forget when the vault
 * locks. `onRestored` lets the core drop anything it holds from the vault
 * that was replaced.
 */
export class BackupFeature {
  readonly backups: BackupService;
  readonly automatic: AutomaticBackups;
  readonly restores: RestoreService;
  readonly migrations: MigrateService;
  readonly kit: EmergencyKit;

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
    this.kit = new EmergencyKit(ctx, this.automatic);
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
}
