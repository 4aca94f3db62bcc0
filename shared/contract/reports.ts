import { z } from 'zod';
import { followerTypeKeys } from '../policy/engagement';
import { issueKinds } from '../policy/issue-rules';
import { termNames } from '../policy/term-calendar';
import { platformSchema } from './accounts';
import { id, isoDate, isoDateTime, noInput, requiredText, shortText } from './common';

/** The Appendix 1 report (north-herts 6.2, Appendix 1): figures, the issues log, the report, the meeting pack. */
const count = (label: string) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(100_000_000, `${label} is too large`);
const optionalCount = (label: string) => count(label).nullable().default(null);

export const periodRefSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('term'), academicYear: z.number().int().min(2000).max(2100), term: z.enum(termNames) })
    .strict(),
  z.object({ kind: z.literal('range'), from: isoDate, to: isoDate }).strict(),
]);
export type PeriodRefInput = z.infer<typeof periodRefSchema>;

export const periodSchema = z.object({
  from: isoDate,
  to: isoDate,
  label: z.string(),
  term: z.object({ academicYear: z.number().int(), term: z.enum(termNames) }).nullable(),
});

export const followerTypesSchema = z
  .object(
    Object.fromEntries(followerTypeKeys.map((k) => [k, optionalCount(`Followers: ${k}`)])) as {
      [K in (typeof followerTypeKeys)[number]]: ReturnType<typeof optionalCount>;
    },
  )
  .strict();

/** What to do when new figures overlap figures already saved for the account. */
export const overlapChoiceSchema = z.enum(['refuse', 'merge']);

export const figuresInputSchema = z
  .object({
    accountId: id,
    from: isoDate,
    to: isoDate,
    followersStart: count('Followers at the start'),
    followersEnd: count('Followers at the end'),
    followerTypes: followerTypesSchema.default({ schools: null, clubs: null, individuals: null, other: null }),
    posts: count('Posts'),
    shares: count('Shares'),
    mentions: count('Mentions'),
    likes: count('Likes'),
    notes: shortText(1000).default(''),
    onOverlap: overlapChoiceSchema.default('refuse'),
  })
  .strict()
  .refine((f) => f.to > f.from, { message: 'The end date must be after the start date', path: ['to'] });
export type FiguresInput = z.input<typeof figuresInputSchema>;

export const figuresSchema = z.object({
  id,
  accountId: id,
  accountLabel: z.string(),
  platform: platformSchema,
  from: isoDate,
  to: isoDate,
  followersStart: z.number().int(),
  followersEnd: z.number().int(),
  newFollowers: z.number().int(),
  followerTypes: z.object({
    schools: z.number().int().nullable(),
    clubs: z.number().int().nullable(),
    individuals: z.number().int().nullable(),
    other: z.number().int().nullable(),
  }),
  posts: z.number().int(),
  shares: z.number().int(),
  mentions: z.number().int(),
  likes: z.number().int(),
  notes: z.string(),
  source: z.enum(['manual', 'csv']),
  recordedBy: z.string(),
  updatedAt: isoDateTime,
});
export type Figures = z.infer<typeof figuresSchema>;

export const csvImportIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'That file is no longer open. Choose the analytics file again.');

const column = z.number().int().min(0).max(199).nullable().default(null);
/** Columns of a per-post analytics export: one row per post, counts summed over the period. */
export const figuresCsvMappingSchema = z
  .object({ date: z.number().int().min(0).max(199), shares: column, mentions: column, likes: column })
  .strict();
export type FiguresCsvMapping = z.output<typeof figuresCsvMappingSchema>;

const csvRequest = z
  .object({ importId: csvImportIdSchema, accountId: id, from: isoDate, to: isoDate, mapping: figuresCsvMappingSchema })
  .strict();

export const figuresCsvPreviewSchema = z.object({
  postsInPeriod: z.number().int(),
  shares: z.number().int(),
  mentions: z.number().int(),
  likes: z.number().int(),
  outsidePeriod: z.number().int(),
  /** Rows whose date or numbers could not be read, with the row number as the spreadsheet shows it. */
  unreadable: z.array(z.object({ rowNumber: z.number().int(), problem: z.string() })),
  sample: z.array(
    z.object({ date: isoDate, shares: z.number().int(), mentions: z.number().int(), likes: z.number().int() }),
  ),
});

const issueActionsSchema = z
  .object({
    acknowledgedPublicly: z.boolean().default(false),
    removed: z.boolean().default(false),
    userBlocked: z.boolean().default(false),
    reportedToPlatform: z.boolean().default(false),
    /** north-herts 6.4: which member of SLT, and on which day. */
    reportedToSlt: z.object({ personId: id, on: isoDate }).strict().nullable().default(null),
  })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:30');

export const issueInputSchema = z
  .object({
    accountId: id,
    receivedOn: isoDate,
    receivedTime: hhmm,
    kind: z.enum(issueKinds),
    originalComment: requiredText('The original comment', 5000),
    replySent: shortText(5000).default(''),
    /** When the reply went out (London); left empty, the time it was first recorded is used. */
    repliedOn: isoDate.nullable().default(null),
    repliedTime: hhmm.nullable().default(null),
    recordedBy: requiredText('Recorded by', 120),
    actions: issueActionsSchema.default({
      acknowledgedPublicly: false,
      removed: false,
      userBlocked: false,
      reportedToPlatform: false,
      reportedToSlt: null,
    }),
  })
  .strict();
export type IssueInput = z.input<typeof issueInputSchema>;

const actionDone = isoDateTime.nullable();

export const issueSchema = z.object({
  id,
  accountId: id,
  accountLabel: z.string(),
  platform: platformSchema,
  receivedAt: isoDateTime,
  kind: z.enum(issueKinds),
  originalComment: z.string(),
  replySent: z.string(),
  repliedAt: isoDateTime.nullable(),
  recordedBy: z.string(),
  actions: z.object({
    acknowledgedPublicly: actionDone,
    removed: actionDone,
    userBlocked: actionDone,
    reportedToPlatform: actionDone,
    reportedToSlt: z.object({ personId: id, personName: z.string(), on: isoDate }).nullable(),
  }),
  status: z.enum(['open', 'resolved']),
  resolvedAt: isoDateTime.nullable(),
  resolutionNotes: z.string(),
  dueAt: isoDateTime,
  dueExplanation: z.string(),
  /** Open, no reply recorded, and past its due time. */
  overdue: z.boolean(),
  /** A reply was recorded after the due time. */
  repliedLate: z.boolean(),
});
export type Issue = z.infer<typeof issueSchema>;

export const issueFilterSchema = z
  .object({
    status: z.enum(['open', 'resolved', 'all']).default('all'),
    accountId: id.nullable().default(null),
  })
  .strict();

export const reportDataSchema = z.object({
  account: z.object({ id, label: z.string(), platform: platformSchema, displayName: z.string() }),
  title: z.string(),
  period: periodSchema,
  words: z.object({ posts: z.string(), shares: z.string(), mentions: z.string(), likes: z.string() }),
  figures: z
    .object({
      followersStart: z.number().int(),
      followersEnd: z.number().int(),
      newFollowers: z.number().int(),
      followerTypes: figuresSchema.shape.followerTypes,
      posts: z.number().int(),
      shares: z.number().int(),
      mentions: z.number().int(),
      likes: z.number().int(),
      entries: z.number().int(),
    })
    .nullable(),
  issues: z.array(issueSchema),
  comments: z.string(),
  /** Followers and engagement across the last terms, oldest first, for the chart. */
  history: z.array(
    z.object({
      label: z.string(),
      followersEnd: z.number().int().nullable(),
      newFollowers: z.number().int().nullable(),
      posts: z.number().int().nullable(),
      shares: z.number().int().nullable(),
      mentions: z.number().int().nullable(),
      likes: z.number().int().nullable(),
    }),
  ),
  /** Things the reader should know (figures straddling the period, none entered...). */
  notes: z.array(z.string()),
});
export type ReportData = z.infer<typeof reportDataSchema>;

const reportRequest = z.object({ accountId: id, period: periodRefSchema }).strict();
const termRequest = z.object({ academicYear: z.number().int().min(2000).max(2100), term: z.enum(termNames) }).strict();
const cancelled = z.object({ cancelled: z.literal(true) });
const saved = z.discriminatedUnion('cancelled', [
  cancelled,
  z.object({ cancelled: z.literal(false), path: z.string() }),
]);

export const issuesSummarySchema = z.object({
  awaitingReply: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});

export const reportsChannels = {
  'figures.list': {
    input: z.object({ accountId: id.nullable().default(null) }).strict(),
    output: z.array(figuresSchema),
  },
  'figures.save': { input: figuresInputSchema, output: figuresSchema },
  'figures.update': {
    input: z.object({ id, figures: figuresInputSchema }).strict(),
    output: figuresSchema,
  },
  'figures.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  'figures.openCsv': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [
      cancelled,
      z.object({
        cancelled: z.literal(false),
        importId: csvImportIdSchema,
        fileName: z.string(),
        headers: z.array(z.string()),
        rowCount: z.number().int(),
        sample: z.array(z.array(z.string())),
        suggestedMapping: figuresCsvMappingSchema.nullable(),
      }),
    ]),
  },
  'figures.previewCsv': { input: csvRequest, output: figuresCsvPreviewSchema },
  'figures.importCsv': {
    input: csvRequest.extend({
      followersStart: count('Followers at the start'),
      followersEnd: count('Followers at the end'),
      onOverlap: overlapChoiceSchema.default('refuse'),
    }),
    output: figuresSchema,
  },
  'issues.list': { input: issueFilterSchema, output: z.array(issueSchema) },
  'issues.summary': { input: noInput, output: issuesSummarySchema },
  'issues.create': { input: issueInputSchema, output: issueSchema },
  'issues.update': { input: z.object({ id, issue: issueInputSchema }).strict(), output: issueSchema },
  'issues.resolve': {
    input: z.object({ id, notes: requiredText('Resolution notes', 2000) }).strict(),
    output: issueSchema,
  },
  'issues.reopen': { input: z.object({ id }).strict(), output: issueSchema },
  'issues.copyAcknowledgement': { input: noInput, output: z.object({ copied: z.string() }) },
  'reports.get': { input: reportRequest, output: reportDataSchema },
  'reports.saveComments': {
    input: reportRequest.extend({ comments: shortText(5000) }),
    output: z.object({ comments: z.string() }),
  },
  'reports.exportPdf': { input: reportRequest, output: saved },
  'reports.exportDocx': { input: reportRequest, output: saved },
  'reports.exportCsv': { input: reportRequest, output: saved },
  'reports.meetingPackPdf': { input: termRequest, output: saved },
} as const;
