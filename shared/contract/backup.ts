import { z } from 'zod';
import { isoDateTime, noInput } from './common';
import { migrateChannels } from './migrate';

export * from './migrate';

/**
 * Encrypted backups (backup.*), restoring one (restore.*), the KeePassXC
 * export (keepass.export) and imports from other password managers
 * (migrate.*, in ./migrate). Files are chosen and read in the main process;
 * the renderer sends a passphrase at most, and never receives a secret.
 */
/** A backup or export passphrase as typed; its strength is checked in the main process too. */
export const passphraseText = z
  .string()
  .min(1, 'Enter the passphrase')
  .max(1024, 'That passphrase is too long; use at most 1,024 characters');

export const backupCountsSchema = z.object({
  accounts: z.number().int(),
  people: z.number().int(),
  holders: z.number().int(),
  passwords: z.number().int(),
  passwordHistory: z.number().int(),
  rotations: z.number().int(),
  auditEntries: z.number().int(),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupFileSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  modifiedAt: isoDateTime,
});

export const backupStatusSchema = z.object({
  lastBackupAt: isoDateTime.nullable(),
  /** Set when the Dashboard should warn: no backup yet, or the last is more than 7 days old. */
  warning: z.string().nullable(),
  automatic: z.object({
    folder: z.string(),
    keep: z.number().int(),
    /** The automatic-backup passphrase is in this computer's keychain. */
    passphraseStored: z.boolean(),
    /** Folder chosen and passphrase stored: a backup is made each day Keyholder runs. */
    active: z.boolean(),
    lastError: z.string().nullable(),
    files: z.array(backupFileSchema),
  }),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

const cancelled = z.object({ cancelled: z.literal(true) });

export const backupWrittenSchema = z.object({
  cancelled: z.literal(false),
  path: z.string(),
  sizeBytes: z.number().int(),
  counts: backupCountsSchema,
  /** Secrets already damaged in the vault, carried into the backup as they were, e.g. "@stmarysnews: password". */
  unreadable: z.array(z.string()),
});

export const restoreIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'That backup is no longer open. Choose the backup file again.');

/** What the file's header says; trusted only once the passphrase has opened it. */
export const backupSummarySchema = z.object({
  formatVersion: z.number().int(),
  schoolName: z.string(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  automatic: z.boolean(),
  counts: backupCountsSchema,
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const restoreOpenedSchema = z.object({
  cancelled: z.literal(false),
  restoreId: restoreIdSchema,
  fileName: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  header: backupSummarySchema,
});

export const restoreModeSchema = z.enum(['new-vault', 'replace']);

export const restoreInspectedSchema = z.object({
  restoreId: restoreIdSchema,
  summary: backupSummarySchema,
  auditOk: z.boolean(),
  /** new-vault: this computer gets a new key in its keychain; replace: the vault here is replaced (a copy is kept first). */
  mode: restoreModeSchema,
  /** What the restore will do, in words for the administrator. */
  explanation: z.string(),
  currentAccounts: z.number().int().nullable(),
  /** Secrets that were already damaged when the backup was made: restored as they are, and named. */
  unreadable: z.array(z.string()),
});
export type RestoreInspected = z.infer<typeof restoreInspectedSchema>;

export const restoreDoneSchema = z.object({
  mode: restoreModeSchema,
  counts: backupCountsSchema,
  /** The copy of the vault that was replaced, when there was one. */
  snapshotPath: z.string().nullable(),
  message: z.string(),
});

const restoreRef = z.object({ restoreId: restoreIdSchema }).strict();

export const backupChannels = {
  'backup.status': { input: noInput, output: backupStatusSchema },
  'backup.create': {
    input: z.object({ passphrase: passphraseText }).strict(),
    output: z.discriminatedUnion('cancelled', [cancelled, backupWrittenSchema]),
  },
  /** Chooses the folder (by saving the first automatic backup into it) and stores the passphrase in the keychain. */
  'backup.setAutomatic': {
    input: z.object({ passphrase: passphraseText, keep: z.number().int().min(1).max(100) }).strict(),
    output: z.discriminatedUnion('cancelled', [cancelled, backupWrittenSchema]),
  },
  'backup.stopAutomatic': { input: noInput, output: backupStatusSchema },
  'backup.runNow': { input: noInput, output: backupWrittenSchema },
  'restore.open': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [cancelled, restoreOpenedSchema]),
  },
  'restore.inspect': {
    input: z.object({ restoreId: restoreIdSchema, passphrase: passphraseText }).strict(),
    output: restoreInspectedSchema,
  },
  'restore.commit': { input: restoreRef, output: restoreDoneSchema },
  'restore.cancel': { input: restoreRef, output: z.object({ dropped: z.boolean() }) },
  'keepass.export': {
    input: z.object({ passphrase: passphraseText }).strict(),
    output: z.discriminatedUnion('cancelled', [
      cancelled,
      z.object({
        cancelled: z.literal(false),
        path: z.string(),
        entries: z.number().int(),
        groups: z.number().int(),
      }),
    ]),
  },
  ...migrateChannels,
} as const;
