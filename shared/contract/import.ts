import { z } from 'zod';
import { noInput } from './common';
import {
  importCountsSchema,
  importPersonChoiceSchema,
  importPersonResultSchema,
  importRowChoiceSchema,
  importRowResultSchema,
} from './import-review';

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
  'fullName',
  'displayName',
  'profileUrl',
  'loginUrl',
  'loginEmail',
  'username',
  'password',
  'recoveryCodes',
  'twoFactorMethod',
  'notes',
  'passwordChangedOn',
  'holders',
  'approvedBy',
  'approvedOn',
] as const;
export type ImportTarget = (typeof importTargets)[number];

export const importTargetLabels: Record<ImportTarget, string> = {
  platform: 'Platform',
  handle: 'Handle',
  fullName: 'Full name',
  displayName: 'Display name',
  profileUrl: 'Profile URL',
  loginUrl: 'Login page',
  loginEmail: 'Login email',
  username: 'Username (to log in)',
  password: 'Password',
  recoveryCodes: 'Recovery codes',
  twoFactorMethod: 'Two-factor method',
  notes: 'Notes',
  passwordChangedOn: 'Password last changed',
  holders: 'Who knows the password',
  approvedBy: 'Approved by',
  approvedOn: 'Approved on',
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
  .object(Object.fromEntries(importTargets.map((target) => [target, column])) as Record<ImportTarget, typeof column>)
  .strict();
export type ImportMapping = z.output<typeof importMappingSchema>;

export const importIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'That import is not known. Open the spreadsheet again.');

/** The sheet laid out under its header row: what the column-matching step shows. */
export const importLayoutSchema = z.object({
  importId: importIdSchema,
  fileName: z.string(),
  /** Where the spreadsheet is, so the person can be told to delete it. */
  path: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** The worksheet read from an Excel file; null for CSV. */
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  /** Row number of the header row as the spreadsheet shows it (detected; the person can choose another). */
  headerRowNumber: z.number().int(),
  /** The first rows with something in them, to choose the header row from (secrets masked). */
  headerChoices: z.array(z.object({ rowNumber: z.number().int(), text: z.string() })),
  /** Columns hidden in the workbook: still read, and marked so. */
  hiddenColumns: z.array(z.number().int()),
  /** Data rows with something in them. */
  rowCount: z.number().int(),
  emptyRowsSkipped: z.number().int(),
  /** Rows with something in them above the header row: not imported. */
  rowsAbove: z.number().int(),
  /** The first few data rows; any column or cell that holds a secret shows as bullets. */
  sample: z.array(z.array(z.string())),
  maskedColumns: z.array(z.number().int()),
  suggestedMapping: importMappingSchema,
});
export type ImportLayout = z.infer<typeof importLayoutSchema>;
export const importOpenedSchema = importLayoutSchema.extend({ cancelled: z.literal(false) });
export type ImportOpened = z.infer<typeof importOpenedSchema>;

export const importPreviewSchema = z.object({
  importId: importIdSchema,
  /** Problems with the column choices themselves (no handle column, a password column mapped to notes...). */
  problems: z.array(z.string()),
  /** What is not imported and why: rows above the header, columns with data that are not chosen. */
  notes: z.array(z.string()),
  rows: z.array(importRowResultSchema),
  people: z.array(importPersonResultSchema),
  counts: importCountsSchema,
  /** The school's limit on holders, for the rows over it. */
  maxHolders: z.number().int(),
  /** The sample again, masked for the columns as now chosen. */
  sample: z.array(z.array(z.string())),
  maskedColumns: z.array(z.number().int()),
  canCommit: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommittedSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  excluded: z.number().int(),
  passwordsStored: z.number().int(),
  recoveryCodesStored: z.number().int(),
  peopleCreated: z.number().int(),
  holdersRecorded: z.number().int(),
  approvalsRecorded: z.number().int(),
  fileName: z.string(),
  path: z.string(),
  /** What to do with the spreadsheet now, in words for the administrator. */
  advice: z.string(),
});
export type ImportCommitted = z.infer<typeof importCommittedSchema>;

export const importRequestSchema = z
  .object({
    importId: importIdSchema,
    mapping: importMappingSchema,
    rows: z.array(importRowChoiceSchema).max(importLimits.maxDataRows).default([]),
    people: z.array(importPersonChoiceSchema).max(1000).default([]),
  })
  .strict();
export type ImportRequest = z.output<typeof importRequestSchema>;
const cancelled = z.object({ cancelled: z.literal(true) });

export const importChannels = {
  'import.open': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [cancelled, importOpenedSchema]),
  },
  'import.setHeaderRow': {
    input: z.object({ importId: importIdSchema, headerRowNumber: z.number().int().min(1).max(1_048_576) }).strict(),
    output: importLayoutSchema,
  },
  'import.preview': { input: importRequestSchema, output: importPreviewSchema },
  'import.commit': { input: importRequestSchema, output: importCommittedSchema },
  'import.cancel': {
    input: z.object({ importId: importIdSchema }).strict(),
    output: z.object({ dropped: z.boolean() }),
  },
} as const;
