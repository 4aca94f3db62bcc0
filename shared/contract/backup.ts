import { z } from 'zod';
import { isoDateTime, noInput } from './common';

/**
 * Encrypted backups (backup.*); restoring one is ./restore, moving to and
 * from other password managers ./migrate. Files are chosen and read in the
 * main process; the renderer sends a passphrase at most, and never receives a secret.
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

/** The emergency kit for the school safe (shared/policy/emergency-kit.ts). */
export const kitStatusSchema = z.object({
  printedAt: isoDateTime.nullable(),
  /** Why a new kit should be printed (for the Dashboard: emergencyKitItems), or null. */
  needed: z.string().nullable(),
});
export type KitStatus = z.infer<typeof kitStatusSchema>;

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
  'backup.kitStatus': { input: noInput, output: kitStatusSchema },
  /** Prints the emergency kit to a PDF the administrator saves, then prints on paper for the safe. */
  'backup.printKit': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [cancelled, z.object({ cancelled: z.literal(false), path: z.string() })]),
  },
} as const;
