import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BackupFeature } from '../backup/backup-feature';
import { lockDataFolder, type FolderLock } from '../db/folder-lock';
import { openDatabase } from '../db/open';
import { endTemporaryAccess } from '../holders/temporary-access';
import { ImportService } from '../import/import-service';
import { createOverdueNotice } from '../rotations/overdue-notice';
import { RotationService } from '../rotations/rotation-service';
import { SecretsService } from '../secrets/secrets';
import { readSettings, settingsProblems } from '../settings/settings-store';
import { AutoLock } from '../vault/auto-lock';
import { VaultService } from '../vault/vault-service';
import { allHandlers } from './all-handlers';
import type { CoreContext } from './context';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createFileLogger, type Log } from './logger';
import { systemClock, type Clock, type Platform, type SecretStore } from './platform';

export interface CoreOptions {
  dataDir: string;
  secretStore: SecretStore;
  platform: Platform;
  clock?: Clock;
  log?: Log;
  appVersion?: string;
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
  /** The person pressed a key or used the mouse in Keyholder's window. */
  activity(): void;
  /** Closes the database at once; resolves when a copied secret has been cleared. */
  close(): Promise<void>;
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
  const { context, folderLock } = openVault(options, clock, log);
  const vault = new VaultService(context.db, options.secretStore, clock, log);
  const secrets = new SecretsService(context, vault);
  const imports = new ImportService(context, vault);
  const rotations = new RotationService(context, vault, secrets);
  const autoLock = new AutoLock(clock, options.platform);
  const backup = new BackupFeature(context, vault, () => {
    void secrets.clearClipboardIfOurs();
    imports.forgetAll();
  });
  vault.setLockListener(() => {
    void secrets.clearClipboardIfOurs();
    imports.forgetAll();
    backup.forgetAll();
    options.platform.emit('vault.locked');
  });
  // wentworth: temporary access ends on its date. Checked whenever the vault
  // can record it (at unlock and on every tick), by the core's own clock.
  const endAccess = () => {
    try {
      const ended = endTemporaryAccess(context.db, clock.now(), vault.actor());
      if (ended > 0) log(`Ended temporary access for ${ended} holder${ended === 1 ? '' : 's'}`);
    } catch (error) {
      log(`Could not end temporary access yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // Unlocking is using the app: the inactivity timer starts again.
  vault.setUnlockListener(() => {
    autoLock.activity();
    endAccess();
  });
  const notifyOverdue = createOverdueNotice(context, vault);
  const handlers = allHandlers(context, { vault, secrets, imports, rotations, backup });

  return {
    context,
    vault,
    secrets,
    dispatch: createDispatcher(handlers, log, {
      requireUnlocked: () => void vault.key(),
      callContext: () => ({ db: context.db, now: clock.now(), actor: vault.actor() }),
    }),
    start: async () => {
      await vault.unlock();
      notifyOverdue();
    },
    tick: () => {
      notifyOverdue();
      imports.expire();
      if (!vault.isUnlocked()) return;
      endAccess();
      const reason = autoLock.check(readSettings(context.db).lockAfterMinutes * 60);
      if (reason) {
        vault.lock(reason);
        return;
      }
      backup.tick();
    },
    osLocked: () => {
      vault.lock('os-lock');
    },
    activity: () => autoLock.activity(),
    close: () => {
      imports.forgetAll();
      if (context.db.open) context.db.close();
      folderLock.release();
      return secrets.clearClipboardIfOurs();
    },
  };
}

/** Locks the data folder (one Keyholder per vault), opens and upgrades the database, and logs what it found. */
function openVault(options: CoreOptions, clock: Clock, log: Log): { context: CoreContext; folderLock: FolderLock } {
  const databasePath = join(options.dataDir, 'keyholder.db');
  mkdirSync(options.dataDir, { recursive: true });
  // Before anything reads the vault: a second Keyholder on the same folder is refused here.
  const folderLock = lockDataFolder(options.dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(databasePath, { now: () => clock.now() });
  } catch (error) {
    folderLock.release();
    throw error;
  }
  if (opened.backupPath) log(`Upgraded the vault; the previous version was copied to ${opened.backupPath}`);
  const problems = settingsProblems(opened.db);
  if (problems.length > 0) log(`Settings using their defaults because the stored value ${problems.join(', ')}`);
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
  return { context, folderLock };
}
