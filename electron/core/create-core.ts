import { join } from 'node:path';
import { appHandlers } from '../app/handlers';
import { openDatabase } from '../db/open';
import type { CoreContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { createFileLogger, type Log } from './logger';
import { systemClock, type Clock, type Platform, type SecretStore } from './platform';

export interface CoreOptions {
  dataDir: string;
  secretStore: SecretStore;
  platform: Platform;
  clock?: Clock;
  log?: Log;
  appVersion?: string;
  /** Electron passes its own build of the better-sqlite3 binding; Node uses the default. */
  nativeBinding?: string;
}

export interface Core {
  readonly context: CoreContext;
  readonly dispatch: Dispatch;
  close(): void;
}

/**
 * Builds everything the IPC handlers need. Imports nothing from `electron`,
 * so the main process, the unit tests and the e2e bridge all run this same
 * code. Throws a KeyholderError (for example DATABASE_TOO_NEW) when the
 * vault cannot be opened at all.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createFileLogger(options.dataDir, () => clock.now());
  const databasePath = join(options.dataDir, 'keyholder.db');
  const opened = openDatabase(databasePath, { nativeBinding: options.nativeBinding, now: () => clock.now() });
  if (opened.backupPath) log(`Upgraded the vault; the previous version was copied to ${opened.backupPath}`);

  const context: CoreContext = {
    dataDir: options.dataDir,
    databasePath,
    db: opened.db,
    schemaVersion: opened.schemaVersion,
    clock,
    platform: options.platform,
    secretStore: options.secretStore,
    log,
    appVersion: options.appVersion ?? '0.0.0',
  };

  const handlers: Handlers = {
    ...appHandlers(context),
  };

  return {
    context,
    dispatch: createDispatcher(handlers, log),
    close: () => {
      if (context.db.open) context.db.close();
    },
  };
}
