import type { DomainHandlers } from '../core/dispatcher';
import type { BackupFeature } from './backup-feature';

/** backup.*: making backups, by hand and automatically. */
export function backupHandlers(feature: BackupFeature): DomainHandlers<'backup'> {
  return {
    'backup.status': () => feature.automatic.status(),
    'backup.create': ({ passphrase }) => feature.backups.create(passphrase),
    'backup.setAutomatic': ({ passphrase, keep }) => feature.automatic.setUp(passphrase, keep),
    'backup.stopAutomatic': () => feature.automatic.stop(),
    'backup.runNow': () => feature.automatic.run(),
    'backup.kitStatus': () => feature.kit.status(),
    'backup.printKit': (_input, call) => feature.kit.print(call),
  };
}
