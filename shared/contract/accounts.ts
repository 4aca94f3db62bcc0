import { z } from 'zod';
import { platformIds } from '../policy/platforms';
import { id, isoDate, isoDateTime, noInput, requiredText, shortText } from './common';
import { accountStateKinds } from './compliance';

export const platformSchema = z.enum(platformIds);

export const accountStatusSchema = z.enum(['proposed', 'approved', 'active', 'suspended', 'closed', 'transferred']);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const twoFactorMethodSchema = z.enum(['none', 'authenticator-app', 'sms', 'email', 'security-key', 'other']);
export type TwoFactorMethod = z.infer<typeof twoFactorMethodSchema>;
/** Whether the school answers comments on the account, or only broadcasts (wentworth, sutton-manor). */
export const repliesSchema = z.enum(['reply', 'broadcast']);
export type Replies = z.infer<typeof repliesSchema>;
export const repliesLabels: Record<Replies, string> = {
  reply: 'We reply to comments',
  broadcast: 'Broadcast only: we do not reply to comments',
};

export const visibilitySchema = z.enum(['', 'open', 'private']);

/** https only: these links are opened in the person's browser. */
export const profileUrlSchema = z
  .string()
  .trim()
  .max(500)
  // A regex rather than URL(): shared/ has no DOM or Node globals. Host with
  // a dot, no credentials, no spaces.
  .regex(
    /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/[^\s]*)?$/i,
    'Use a full https:// address, for example https://x.com/yourschool',
  );

const optionalEmail = z.union([z.literal(''), z.email('Enter a valid email address').max(254)]);

/** bebington "Process for Creating New Accounts". */
export const businessCaseSchema = z.object({
  aim: shortText(2000).default(''),
  audience: shortText(2000).default(''),
  promotion: shortText(2000).default(''),
  visibility: visibilitySchema.default(''),
  /** Who will run the account: at least two named staff. */
  runnerIds: z.array(id).max(20).default([]),
});
export type BusinessCase = z.infer<typeof businessCaseSchema>;

export const accountInputSchema = z
  .object({
    platform: platformSchema,
    handle: requiredText('Handle', 100),
    /** north-herts 6.0: the account's full name as the platform shows it on the profile. */
    fullName: shortText(200).default(''),
    displayName: shortText(200).default(''),
    profileUrl: z.union([z.literal(''), profileUrlSchema]).default(''),
    /** The page where the password is typed, when it is not the profile (a password manager's address). */
    loginUrl: z.union([z.literal(''), profileUrlSchema]).default(''),
    loginEmail: optionalEmail.default(''),
    /** The name typed to log in, when it is neither the handle nor the login email. */
    username: z.string().trim().max(200).default(''),
    twoFactorMethod: twoFactorMethodSchema.default('none'),
    replies: repliesSchema.default('reply'),
    notes: shortText(5000).default(''),
    leadPersonId: id.nullable().default(null),
    businessCase: businessCaseSchema.default({ aim: '', audience: '', promotion: '', visibility: '', runnerIds: [] }),
  })
  .strict();
export type AccountInput = z.input<typeof accountInputSchema>;

const personRef = z.object({ id, name: z.string() });

/**
 * The launch steps: the URL and identity sent to a named member of SLT
 * (north-herts 5) and the account linked from the school website
 * (sutton-manor 6.5), each with its date and who recorded it.
 */
export const launchSchema = z.object({
  /** The day it first went live in Keyholder; null before, and for accounts live before the checklist existed. */
  launchedOn: isoDate.nullable(),
  sltTold: z.object({ on: isoDate, person: personRef, recordedBy: z.string() }).nullable(),
  websiteLinked: z.object({ on: isoDate, pageUrl: z.string(), recordedBy: z.string() }).nullable(),
});
export type Launch = z.infer<typeof launchSchema>;

export const accountSchema = z.object({
  id,
  platform: platformSchema,
  handle: z.string(),
  fullName: z.string(),
  displayName: z.string(),
  profileUrl: z.string(),
  loginUrl: z.string(),
  loginEmail: z.string(),
  username: z.string(),
  twoFactorMethod: twoFactorMethodSchema,
  replies: repliesSchema,
  notes: z.string(),
  status: accountStatusSchema,
  statusChangedOn: isoDate.nullable(),
  statusOverrideReason: z.string(),
  lead: personRef.nullable(),
  approvedBy: personRef.nullable(),
  /** Under the rule "the Headteacher and a governor" (wentworth): the governor who approved as well. */
  governorApprovedBy: personRef.nullable(),
  approvedOn: isoDate.nullable(),
  /** bebington: an application "approved or rejected". A rejected one is closed. */
  rejection: z.object({ by: personRef, on: isoDate, reason: z.string() }).nullable(),
  businessCase: z.object({
    aim: z.string(),
    audience: z.string(),
    promotion: z.string(),
    visibility: visibilitySchema,
    runners: z.array(personRef),
  }),
  /** The launch checklist (north-herts 5, sutton-manor 6.5). */
  launch: launchSchema,
  holderCount: z.number().int(),
  rotationRequired: z.object({ reason: z.string(), since: isoDateTime }).nullable(),
  hasPassword: z.boolean(),
  /** Why the stored password falls short of the school's policy (found when it was imported), or ''. */
  passwordWeakness: z.string(),
  passwordSetAt: isoDateTime.nullable(),
  breachCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Account = z.infer<typeof accountSchema>;

/**
 * One row of the register (accounts.list): only what the register shows,
 * searches and filters, with the account's one state (shared/policy/
 * account-status.ts). Ten fields, so 10,000 rows stay small to build, check
 * and send (issue 17); the account page reads accounts.get for the rest.
 */
export const accountListRowSchema = z.object({
  id,
  platform: platformSchema,
  handle: z.string(),
  displayName: z.string(),
  /** The account's stage in its life (proposed, active, closed...). */
  status: accountStatusSchema,
  /** The lead member of staff's name, or null when there is none. */
  leadName: z.string().nullable(),
  holderCount: z.number().int(),
  passwordSetAt: isoDateTime.nullable(),
  loginEmail: z.string(),
  state: z.object({ kind: z.enum(accountStateKinds), wording: z.string() }),
});
export type AccountListRow = z.infer<typeof accountListRowSchema>;

export const statusChangeSchema = z
  .object({
    id,
    status: accountStatusSchema,
    on: isoDate,
    /** Required to activate without approval or a complete business case. */
    overrideReason: shortText(1000).default(''),
  })
  .strict();

export const approvalSchema = z
  .object({
    id,
    approvedById: id,
    /** Needed when the school's rule is "the Headteacher and a governor". */
    governorId: id.nullable().default(null),
    approvedOn: isoDate,
  })
  .strict();

export const rejectionSchema = z
  .object({ id, rejectedById: id, rejectedOn: isoDate, reason: requiredText('The reason', 1000) })
  .strict();

/** north-herts 5: to whom in SLT the account's address and identity were sent, and when. */
export const sltToldSchema = z.object({ id, toPersonId: id, on: isoDate }).strict();

/** The page of the school website that links to the account, when one can be given. */
export const websitePageSchema = z
  .string()
  .trim()
  .max(500)
  .regex(
    /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/[^\s]*)?$/i,
    'Use the full address of the page, for example https://www.yourschool.sch.uk/social-media',
  );

/** sutton-manor 6.5: the day the school website first linked to the account, and the page (optional). */
export const websiteLinkSchema = z
  .object({ id, on: isoDate, pageUrl: z.union([z.literal(''), websitePageSchema]).default('') })
  .strict();

const cancelled = z.object({ cancelled: z.literal(true) });

export const accountsChannels = {
  'accounts.list': { input: noInput, output: z.array(accountListRowSchema) },
  'accounts.get': { input: z.object({ id }).strict(), output: accountSchema },
  'accounts.create': { input: accountInputSchema, output: accountSchema },
  'accounts.update': { input: z.object({ id, account: accountInputSchema }).strict(), output: accountSchema },
  'accounts.approve': { input: approvalSchema, output: accountSchema },
  'accounts.reject': { input: rejectionSchema, output: accountSchema },
  'accounts.setStatus': { input: statusChangeSchema, output: accountSchema },
  'accounts.recordSltTold': { input: sltToldSchema, output: accountSchema },
  'accounts.recordWebsiteLink': { input: websiteLinkSchema, output: accountSchema },
  /** The business case on paper for the Headteacher (and a governor, by the school's rule) to sign; saved as a PDF. */
  'accounts.printBusinessCase': {
    input: z.object({ id }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'accounts.openProfile': { input: z.object({ id }).strict(), output: z.object({ opened: z.string() }) },
  // The register as a file: CSV for Excel, or a printable PDF.
  'accounts.exportCsv': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [
      cancelled,
      z.object({ cancelled: z.literal(false), path: z.string(), rows: z.number().int() }),
    ]),
  },
  'accounts.printPdf': {
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
