import { z } from 'zod';
import { isoDateTime, noInput } from './common';
import { backupCountsSchema, passphraseText } from './backup';

/** Restoring a backup (onto this computer, or a new one whose keychain has no key). */
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

const cancelled = z.object({ cancelled: z.literal(true) });

export const restoreChannels = {
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
} as const;
