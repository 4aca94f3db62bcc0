import { z } from 'zod';
import { platformSchema } from './accounts';
import { noInput } from './common';

/**
 * Getting the school's old spreadsheet in (import.*) and the register out
 * (register.export*). The file is read and parsed in the main process; the
 * renderer only ever sees column names, a masked sample and per-row results,
 * never a password from the sheet.
 */
export const importLimits = {
  maxBytes: 10 * 1024 * 1024,
  /** A school has dozens of accounts; thousands means the wrong file. */
  maxDataRows: 5000,
  maxColumns: 200,
  sampleRows: 5,
} as const;

/** What a spreadsheet column can be imported as. */
export const importTargets = [
  'platform',
  'handle',
  'displayName',
  'profileUrl',
  'loginEmail',
  'password',
  'recoveryCodes',
  'twoFactorMethod',
  'notes',
  'passwordChangedOn',
] as const;
export type ImportTarget = (typeof importTargets)[number];

export const importTargetLabels: Record<ImportTarget, string> = {
  platform: 'Platform',
  handle: 'Handle',
  displayName: 'Display name',
  profileUrl: 'Profile URL',
  loginEmail: 'Login email',
  password: 'Password',
  recoveryCodes: 'Recovery codes',
  twoFactorMethod: 'Two-factor method',
  notes: 'Notes',
  passwordChangedOn: 'Password last changed',
};

export const requiredImportTargets: readonly ImportTarget[] = ['platform', 'handle'];

/** A column by position (0 = column A), or null for "not in this spreadsheet". */
const column = z
  .number()
  .int()
  .min(0)
  .max(importLimits.maxColumns - 1)
  .nullable()
  .default(null);

export const importMappingSchema = z
  .object({
    platform: column,
    handle: column,
    displayName: column,
    profileUrl: column,
    loginEmail: column,
    password: column,
    recoveryCodes: column,
    twoFactorMethod: column,
    notes: column,
    passwordChangedOn: column,
  })
  .strict();
export type ImportMapping = z.output<typeof importMappingSchema>;

export const importIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'That import is not known. Open the spreadsheet again.');

export const importOpenedSchema = z.object({
  cancelled: z.literal(false),
  importId: importIdSchema,
  fileName: z.string(),
  /** Where the spreadsheet is, so the person can be told to delete it. */
  path: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** The worksheet read from an Excel file; null for CSV. */
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  /** Row number of the header row as the spreadsheet shows it (usually 1). */
  headerRowNumber: z.number().int(),
  /** Data rows with something in them. */
  rowCount: z.number().int(),
  emptyRowsSkipped: z.number().int(),
  /** The first few data rows; any column that looks like it holds secrets shows as bullets. */
  sample: z.array(z.array(z.string())),
  maskedColumns: z.array(z.number().int()),
  suggestedMapping: importMappingSchema,
});
export type ImportOpened = z.infer<typeof importOpenedSchema>;

export const importRowResultSchema = z.object({
  /** As the spreadsheet numbers it: the header is usually row 1. */
  rowNumber: z.number().int(),
  platform: platformSchema.nullable(),
  handle: z.string(),
  displayName: z.string(),
  hasPassword: z.boolean(),
  hasRecoveryCodes: z.boolean(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;

export const importPreviewSchema = z.object({
  importId: importIdSchema,
  /** Problems with the column choices themselves (no handle column, a password column mapped to notes...). */
  problems: z.array(z.string()),
  rows: z.array(importRowResultSchema),
  counts: z.object({
    rows: z.number().int(),
    ok: z.number().int(),
    errors: z.number().int(),
    duplicates: z.number().int(),
    emptyRowsSkipped: z.number().int(),
    passwords: z.number().int(),
  }),
  canCommit: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommittedSchema = z.object({
  created: z.number().int(),
  passwordsStored: z.number().int(),
  recoveryCodesStored: z.number().int(),
  fileName: z.string(),
  path: z.string(),
  /** What to do with the spreadsheet now, in words for the administrator. */
  advice: z.string(),
});

const importRequest = z.object({ importId: importIdSchema, mapping: importMappingSchema }).strict();
const cancelled = z.object({ cancelled: z.literal(true) });

export const transferChannels = {
  'import.open': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [cancelled, importOpenedSchema]),
  },
  'import.preview': { input: importRequest, output: importPreviewSchema },
  'import.commit': { input: importRequest, output: importCommittedSchema },
  'import.cancel': {
    input: z.object({ importId: importIdSchema }).strict(),
    output: z.object({ dropped: z.boolean() }),
  },
  'register.exportCsv': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [
      cancelled,
      z.object({ cancelled: z.literal(false), path: z.string(), rows: z.number().int() }),
    ]),
  },
  'register.printPdf': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [
      cancelled,
      z.object({
        cancelled: z.literal(false),
        path: z.string(),
        rows: z.number().int(),
        pages: z.number().int().nullable(),
      }),
    ]),
  },
} as const;
