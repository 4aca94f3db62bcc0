import { z } from 'zod';
import { platformSchema } from './accounts';
import { passphraseText } from './backup';
import { noInput, shortText } from './common';

/**
 * Moving in from another password manager: a KeePassXC CSV export, or a
 * Bitwarden unencrypted export (JSON or CSV). The file is read in the main
 * process and held in memory; the renderer sees titles, addresses and user
 * names, never a password, TOTP secret or note.
 */
export const migrateFormats = ['keepassxc-csv', 'keepassx-csv', 'bitwarden-json', 'bitwarden-csv'] as const;
export const migrateFormatLabels: Record<(typeof migrateFormats)[number], string> = {
  'keepassxc-csv': 'KeePassXC CSV export',
  'keepassx-csv': 'KeePassX or KeePass CSV export',
  'bitwarden-json': 'Bitwarden export (.json, unencrypted)',
  'bitwarden-csv': 'Bitwarden export (.csv)',
};

export const migrateLimits = { maxBytes: 10 * 1024 * 1024, maxEntries: 5000 } as const;

export const migrateIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'That import is no longer open. Choose the export file again.');

/** The administrator's choice for one entry: import it or not, and as which account. */
export const migrateChoiceSchema = z
  .object({
    entry: z.number().int().min(1).max(migrateLimits.maxEntries),
    include: z.boolean(),
    platform: platformSchema.nullable(),
    handle: shortText(200),
    /** The entry is an account already in the register: replace its password (the old one goes to history). */
    updateExisting: z.boolean().default(false),
  })
  .strict();
export type MigrateChoice = z.infer<typeof migrateChoiceSchema>;

export const migrateRowSchema = z.object({
  /** 1 = the first entry in the file. */
  entry: z.number().int(),
  title: z.string(),
  group: z.string(),
  url: z.string(),
  /** Every address the entry has (Bitwarden keeps several). */
  urls: z.array(z.string()),
  username: z.string(),
  /** Keyholder guessed a social media platform for it; otherwise it can still be imported, as Other. */
  recognised: z.boolean(),
  include: z.boolean(),
  platform: platformSchema.nullable(),
  handle: z.string(),
  hasPassword: z.boolean(),
  hasTotp: z.boolean(),
  hasNotes: z.boolean(),
  /** Previous passwords the export holds (Bitwarden's password history). */
  historyCount: z.number().int(),
  existingAccountId: z.number().int().nullable(),
  updateExisting: z.boolean(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type MigrateRow = z.infer<typeof migrateRowSchema>;

export const migratePreviewSchema = z.object({
  migrateId: migrateIdSchema,
  fileName: z.string(),
  path: z.string(),
  format: z.enum(migrateFormats),
  rows: z.array(migrateRowSchema),
  /** Entries that are not logins (cards, identities, notes) and so are left out. */
  skipped: z.number().int(),
  counts: z.object({
    entries: z.number().int(),
    included: z.number().int(),
    errors: z.number().int(),
    duplicates: z.number().int(),
    passwords: z.number().int(),
    updates: z.number().int(),
  }),
  canCommit: z.boolean(),
});
export type MigratePreview = z.infer<typeof migratePreviewSchema>;

const request = z
  .object({ migrateId: migrateIdSchema, choices: z.array(migrateChoiceSchema).max(migrateLimits.maxEntries) })
  .strict();

const cancelled = z.object({ cancelled: z.literal(true) });

export const migrateChannels = {
  // The KeePassXC export (.kdbx): moving out, the other way.
  'migrate.exportKeepass': {
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
  'migrate.open': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [
      z.object({ cancelled: z.literal(true) }),
      migratePreviewSchema.extend({ cancelled: z.literal(false) }),
    ]),
  },
  'migrate.preview': { input: request, output: migratePreviewSchema },
  'migrate.commit': {
    input: request,
    output: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      passwordsStored: z.number().int(),
      /** Entries left in the export, by title: the advice says to move them before deleting it. */
      notImported: z.array(z.string()),
      advice: z.string(),
    }),
  },
  'migrate.cancel': {
    input: z.object({ migrateId: migrateIdSchema }).strict(),
    output: z.object({ dropped: z.boolean() }),
  },
} as const;
