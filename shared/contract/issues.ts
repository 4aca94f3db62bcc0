import { z } from 'zod';
import { issueKinds } from '../policy/issue-rules';
import { platformSchema } from './accounts';
import { id, isoDate, isoDateTime, noInput, requiredText, shortText } from './common';

/** An action taken on an entry: the day (London) and who did it, typed as the school names them. */
const actionDone = { on: isoDate, by: requiredText('Who did it', 120) };
const doneInput = z.object(actionDone).strict().nullable().default(null);

/** The issues-and-actions log (north-herts Appendix 1, 6.3, 6.4): comments that needed action. */
const issueActionsSchema = z
  .object({
    acknowledgedPublicly: doneInput,
    removed: doneInput,
    userBlocked: doneInput,
    reportedToPlatform: doneInput,
    audienceTold: doneInput,
    /** sutton-manor, wentworth: "reported to the appropriate authority", with the reference it gave. */
    reportedToAuthority: z
      .object({
        ...actionDone,
        authority: requiredText('Which authority', 120),
        reference: requiredText('The reference', 120),
      })
      .strict()
      .nullable()
      .default(null),
    /** north-herts 6.4 (abuse), bebington (press): which member of SLT, on which day, told by whom. */
    reportedToSlt: z
      .object({ ...actionDone, personId: id })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

/** An entry with nothing done about it yet (the form's starting point, and the default). */
export const noIssueActions = {
  acknowledgedPublicly: null,
  removed: null,
  userBlocked: null,
  reportedToPlatform: null,
  audienceTold: null,
  reportedToAuthority: null,
  reportedToSlt: null,
};

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
    actions: issueActionsSchema.default(noIssueActions),
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

const done = z.object({ on: isoDate, by: z.string() });

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
    acknowledgedPublicly: done.nullable(),
    removed: done.nullable(),
    userBlocked: done.nullable(),
    reportedToPlatform: done.nullable(),
    audienceTold: done.nullable(),
    reportedToAuthority: done.extend({ authority: z.string(), reference: z.string() }).nullable(),
    reportedToSlt: done.extend({ personId: id, personName: z.string() }).nullable(),
  }),
  /** What the policy still asks before it can be resolved (abuse, press), as steps; empty when nothing. */
  stillToDo: z.array(z.string()),
  status: z.enum(['open', 'resolved']),
  resolvedAt: isoDateTime.nullable(),
  resolutionNotes: z.string(),
  /** When a reply is due; null when none is expected (abuse, press, or a comment removed). */
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
