import type { DomainHandlers } from '../core/dispatcher';
import type { RestoreService } from './restore-service';

/** restore.*: a backup opened, checked with its passphrase, then applied in one step. */
export function restoreHandlers(restores: RestoreService): DomainHandlers<'restore'> {
  return {
    'restore.open': () => restores.open(),
    'restore.inspect': ({ restoreId, passphrase }) => restores.inspect(restoreId, passphrase),
    'restore.commit': ({ restoreId }) => restores.commit(restoreId),
    'restore.cancel': ({ restoreId }) => restores.cancel(restoreId),
  };
}
