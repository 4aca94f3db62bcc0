import { z } from 'zod';
import { platformSchema } from './accounts';
import { id } from './common';

/**
 * The checked rows of an import, and the administrator's choices on them:
 * which rows to leave out, which duplicate to keep, whether to update an
 * account already in the register, whom to keep as holders past the limit,
 * and who each name in the "who knows it" column is. Shared by the
 * spreadsheet import (import.*) and reused in words by the migration.
 */
export const importRowChoiceSchema = z
  .object({
    rowNumber: z.number().int().min(1),
    include: z.boolean().default(true),
    /** The account is already in the register: replace its password (the old one goes to its history). */
    updateExisting: z.boolean().default(false),
    /** More holders than the school allows: the names (as written in the sheet) to record; null = all. */
    keepHolders: z.array(z.string().max(200)).max(50).nullable().default(null),
    /** A written reason to record them all anyway. */
    holdersOverride: z.string().trim().max(1000).default(''),
  })
  .strict();
export type ImportRowChoice = z.output<typeof importRowChoiceSchema>;

/** Who a name from the sheet is: an existing person, a new member of staff, or nobody (not recorded). */
export const importPersonChoiceSchema = z
  .object({
    /** The name as the sheet writes it (compared ignoring case, accents and spacing). */
    name: z.string().max(200),
    personId: id.nullable().default(null),
    create: z.boolean().default(true),
  })
  .strict();
export type ImportPersonChoice = z.output<typeof importPersonChoiceSchema>;

export const holderMatchSchema = z.object({
  /** As written in the sheet. */
  name: z.string(),
  /** matched: one person in People; ambiguous: several could be meant; new: nobody, to be created; skipped: not recorded. */
  status: z.enum(['matched', 'ambiguous', 'new', 'skipped']),
  personId: id.nullable(),
  /** The name in People, or the name the new person will have. */
  personName: z.string().nullable(),
  /** Recorded as a holder (false when left out to stay within the limit). */
  kept: z.boolean(),
});
export type HolderMatch = z.infer<typeof holderMatchSchema>;

export const importRowResultSchema = z.object({
  /** As the spreadsheet numbers it: the header is usually row 1. */
  rowNumber: z.number().int(),
  include: z.boolean(),
  platform: platformSchema.nullable(),
  handle: z.string(),
  displayName: z.string(),
  username: z.string(),
  loginEmail: z.string(),
  hasPassword: z.boolean(),
  hasRecoveryCodes: z.boolean(),
  holders: z.array(holderMatchSchema),
  /** The Headteacher or SLT member the approval will be recorded for, or null. */
  approvedBy: z.string().nullable(),
  /** Other rows in the file for the same account (platform and handle). */
  duplicateOf: z.array(z.number().int()),
  /** The account already in the register with this platform and handle. */
  existingAccountId: id.nullable(),
  updateExisting: z.boolean(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;

export const importPersonResultSchema = z.object({
  name: z.string(),
  status: z.enum(['matched', 'ambiguous', 'new']),
  /** For ambiguous names: the people it could be. */
  candidates: z.array(z.object({ id, name: z.string() })),
  /** What will happen: recorded as that person, added to People, not recorded, or still to be answered. */
  decision: z.enum(['existing', 'new', 'skip', 'ask']),
  personId: id.nullable(),
  /** The rows that name them. */
  rows: z.array(z.number().int()),
});
export type ImportPersonResult = z.infer<typeof importPersonResultSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int(),
  included: z.number().int(),
  excluded: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  duplicates: z.number().int(),
  emptyRowsSkipped: z.number().int(),
  passwords: z.number().int(),
  updates: z.number().int(),
  newPeople: z.number().int(),
});
