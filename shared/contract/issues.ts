import { z } from 'zod';
import { issueKinds } from '../policy/issue-rules';
import { platformSchema } from './accounts';
import { id, isoDate, isoDateTime, noInput, requiredText, shortText } from './common';

/** The issues-and-actions log (north-herts Appendix 1, 6.3, 6.4): comments that needed action. */
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
    /** When the reply went out (London): required once a reply is recorded. */
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
  .strict()
  // A reply logged later must say when it went out, or it would be timed by when it was typed in and marked late.
  .superRefine((v, ctx) => {
    if (v.replySent.trim() === '') return;
    if (v.repliedOn === null)
      ctx.addIssue({ code: 'custom', path: ['repliedOn'], message: 'Give the date the reply was sent' });
    if (v.repliedTime === null)
      ctx.addIssue({ code: 'custom', path: ['repliedTime'], message: 'Give the time the reply was sent' });
  });
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
  /** When a reply is due; null when none is expected (abuse, or a comment removed). */
  dueAt: isoDateTime.nullable(),
  dueExplanation: z.string(),
  /** Open, a reply expected, none recorded, and past its due time. */
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

export const issuesSummarySchema = z.object({
  awaitingReply: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});

export const issuesChannels = {
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
} as const;
