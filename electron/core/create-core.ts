import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appHandlers } from '../app/handlers';
import { auditHandlers } from '../audit/handlers';
import { BackupFeature } from '../backup/backup-feature';
import { handoverHandlers } from '../handover/handlers';
import { applyDepartures } from '../handover/handover-query';
import { peopleHandlers } from '../people/handlers';
import { registerHandlers } from '../register/handlers';
import { reportHandlers } from '../reports/handlers';
import { rotationHandlers } from '../rotation/handlers';
import { RotationService } from '../rotation/rotation-service';
import { listRotations } from '../rotation/due';
import { londonDate } from '../../shared/policy/calendar-dates';
import { settingsHandlers } from '../settings/handlers';
import { readSettings, settingsProblems } from '../settings/settings-store';
import { transferHandlers } from '../transfer/handlers';
import { ImportService } from '../transfer/import-service';
import { vaultHandlers } from '../vault/handlers';
import { SecretsService } from '../vault/secrets';
import { AutoLock } from '../vault/auto-lock';
import { VaultService } from '../vault/vault-service';
import { lockDataFolder } from '../db/folder-lock';
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
  // Unlocking is using the app: the inactivity timer starts again.
  vault.setUnlockListener(() => autoLock.activity());

  const handlers: Handlers = {
    ...appHandlers(context),
    ...vaultHandlers(context, vault, secrets),
    ...settingsHandlers(context, vault),
    ...auditHandlers(context),
    ...registerHandlers(context, vault),
    ...peopleHandlers(context, vault),
    ...transferHandlers(context, vault, imports),
    ...rotationHandlers(context, vault, rotations),
    ...backup.handlers(),
    ...reportHandlers(context, vault),
    ...handoverHandlers(context, vault),
  };

  // At start-up and then once a day: a desktop notification when any
  // password is overdue for a change.
  let lastOverdueCheck = '';
  const notifyOverdue = () => {
    const today = londonDate(clock.now());
    if (lastOverdueCheck === today) return;
    lastOverdueCheck = today;
    // Departures recorded ahead of time take effect on their date.
    if (vault.isUnlocked()) applyDepartures(context.db, clock.now(), vault.actor());
    const overdue = listRotations(context.db, readSettings(context.db), clock.now()).filter(
      (r) => r.state === 'overdue' || r.state === 'required',
    ).length;
    if (overdue > 0) {
      options.platform.notify(
        'Keyholder: passwords to change',
        `${overdue} account${overdue === 1 ? ' is' : 's are'} overdue for a password change. Open Keyholder's Rotations page.`,
      );
    }
  };

  return {
    context,
    vault,
    secrets,
    dispatch: createDispatcher(handlers, log, { requireUnlocked: () => void vault.key() }),
    start: async () => {
      await vault.unlock();
      notifyOverdue();
    },
    tick: () => {
      notifyOverdue();
      imports.expire();
      if (!vault.isUnlocked()) return;
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
