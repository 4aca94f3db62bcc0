import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import type { BackupService } from '../backup/backup-service';
import { readSettings } from '../settings/settings-store';
import type { VaultService } from '../vault/vault-service';
import { ukDate, londonDateOf } from '../../shared/time';
import { exportKdbx } from './keepass-export';
import type { MigrateService } from './migrate-service';

/** migrate.*: moving in from another password manager, and out to KeePassXC. */
export function migrateHandlers(
  ctx: CoreContext,
  vault: VaultService,
  migrations: MigrateService,
  backups: BackupService,
): DomainHandlers<'migrate'> {
  return {
    'migrate.open': () => migrations.open(),
    'migrate.preview': ({ migrateId, choices }) => migrations.preview(migrateId, choices),
    'migrate.commit': ({ migrateId, choices }) => migrations.commit(migrateId, choices),
    'migrate.cancel': ({ migrateId }) => migrations.cancel(migrateId),
    'migrate.exportKeepass': async ({ passphrase }, call) => {
      // The same strength rule as a backup's: the file holds every password.
      backups.requireStrong(passphrase);
      const school = readSettings(ctx.db)
        .schoolName.toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const date = ukDate(londonDateOf(call.now)).split('/').reverse().join('-');
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the KeePassXC database',
        defaultName: `${school || 'keyholder'}-${date}.kdbx`,
        filters: [{ name: 'KeePass database (KDBX 4)', extensions: ['kdbx'] }],
      });
      if (path === null) return { cancelled: true as const };
      return exportKdbx(ctx, vault, passphrase, path);
    },
  };
}
