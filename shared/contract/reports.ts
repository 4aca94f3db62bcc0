import { z } from 'zod';
import { termNames } from '../policy/term-calendar';
import { platformSchema } from './accounts';
import { id, isoDate, requiredText, shortText } from './common';
import { figuresSchema } from './figures';
import { issueSchema } from './issues';

/** The Appendix 1 report (north-herts 6.2, Appendix 1) and the termly meeting pack. */
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
  /** The recent terms that have figures, oldest first, for the chart. */
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
  /** Posts outside the school's posting hours (wentworth), where the imported analytics gave post times. */
  postingHours: z
    .object({
      sentence: z.string(),
      posts: z.number().int(),
      outside: z.array(z.object({ date: isoDate, time: z.string(), text: z.string() })),
    })
    .nullable(),
});
export type ReportData = z.infer<typeof reportDataSchema>;

const reportRequest = z.object({ accountId: id, period: periodRefSchema }).strict();
const termRequest = z.object({ academicYear: z.number().int().min(2000).max(2100), term: z.enum(termNames) }).strict();
const cancelled = z.object({ cancelled: z.literal(true) });
const saved = z.discriminatedUnion('cancelled', [
  cancelled,
  z.object({ cancelled: z.literal(false), path: z.string() }),
]);

/** A key date for the meeting pack's "Upcoming" section (north-herts 3). */
export const keyDateSchema = z.object({ id, on: isoDate, what: z.string(), recordedBy: z.string() });
export type KeyDate = z.infer<typeof keyDateSchema>;
export const keyDateInputSchema = z
  .object({
    academicYear: z.number().int().min(2000).max(2100),
    term: z.enum(termNames),
    on: isoDate,
    what: requiredText('What is happening', 300),
  })
  .strict();

export const reportsChannels = {
  'reports.get': { input: reportRequest, output: reportDataSchema },
  'reports.saveComments': {
    input: reportRequest.extend({ comments: shortText(5000) }),
    output: z.object({ comments: z.string() }),
  },
  'reports.exportPdf': { input: reportRequest, output: saved },
  'reports.exportDocx': { input: reportRequest, output: saved },
  'reports.exportCsv': { input: reportRequest, output: saved },
  'reports.meetingPackPdf': { input: termRequest, output: saved },
  'reports.meetingPackDocx': { input: termRequest, output: saved },
  /** The key dates the meeting pack for a term lists as upcoming: the rest of the term and the next. */
  'reports.keyDates': {
    input: termRequest,
    output: z.object({ from: isoDate, to: isoDate, nextTerm: z.string(), dates: z.array(keyDateSchema) }),
  },
  'reports.saveKeyDate': {
    input: z.object({ id: id.nullable(), keyDate: keyDateInputSchema }).strict(),
    output: keyDateSchema,
  },
  'reports.deleteKeyDate': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
} as const;
