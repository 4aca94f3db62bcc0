import { join } from 'node:path';
import { appHandlers } from '../app/handlers';
import { auditHandlers } from '../audit/handlers';
import { peopleHandlers } from '../people/handlers';
import { registerHandlers } from '../register/handlers';
import { settingsHandlers } from '../settings/handlers';
import { readSettings } from '../settings/settings-store';
import { vaultHandlers } from '../vault/handlers';
import { SecretsService } from '../vault/secrets';
import { VaultService } from '../vault/vault-service';
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
  readonly vault: VaultService;
  readonly secrets: SecretsService;
  /** Unlocks from the keychain if the vault exists; call once after creating. */
  start(): Promise<void>;
  /** Periodic work (auto-lock on idle); the main process calls it every few seconds. */
  tick(): void;
  /** The OS locked the screen or is going to sleep. */
  osLocked(): void;
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

  const vault = new VaultService(context.db, options.secretStore, clock, log);
  const secrets = new SecretsService(context, vault);
  vault.setLockListener(() => {
    secrets.clearClipboardIfOurs();
    options.platform.emit('vault.locked');
  });

  const handlers: Handlers = {
    ...appHandlers(context),
    ...vaultHandlers(context, vault, secrets),
    ...settingsHandlers(context, vault),
    ...auditHandlers(context),
    ...registerHandlers(context, vault),
    ...peopleHandlers(context, vault),
  };

  return {
    context,
    vault,
    secrets,
    dispatch: createDispatcher(handlers, log),
    start: async () => {
      await vault.unlock();
    },
    tick: () => {
      if (!vault.isUnlocked()) return;
      const limit = readSettings(context.db).lockAfterMinutes * 60;
      if (options.platform.systemIdleSeconds() >= limit) vault.lock('idle');
    },
    osLocked: () => {
      vault.lock('os-lock');
    },
    close: () => {
      secrets.clearClipboardIfOurs();
      if (context.db.open) context.db.close();
    },
  };
}
