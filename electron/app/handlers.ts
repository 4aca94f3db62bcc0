import type { DomainHandlers } from '../core/dispatcher';
import type { CoreContext } from '../core/context';
import { networkFolderWarning } from '../lib/network-folder';

export function appHandlers(ctx: CoreContext): DomainHandlers<'app'> {
  return {
    'app.info': () => ({
      name: 'Keyholder',
      version: ctx.appVersion,
      dataDir: ctx.dataDir,
      databasePath: ctx.databasePath,
      schemaVersion: ctx.schemaVersion,
      platform: ctx.platform.name,
      storageWarning: networkFolderWarning(ctx.dataDir),
    }),
    'app.clock': (_input, call) => ({ now: call.now.toISOString() }),
  };
}
