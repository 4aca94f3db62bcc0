import { z } from 'zod';
import { needGroups } from '../policy/needs-you';
import { id, isoDate, isoDateTime, noInput } from './common';

export const breachCodes = [
  'active-not-approved',
  'not-approved',
  'business-case-incomplete',
  'too-few-holders',
  'too-many-holders',
  'no-lead',
  'lead-not-eligible',
  'holder-left',
  'holder-leaving',
  'holder-not-acknowledged',
  'holder-not-trained',
  'runner-not-acknowledged',
  'runner-not-trained',
  'holder-not-authorised',
  'personal-login-email',
  'password-not-set',
  'weak-password',
  'rotation-required',
] as const;
export const breachCodeSchema = z.enum(breachCodes);
export type BreachCode = z.infer<typeof breachCodeSchema>;

export const breachSchema = z.object({
  accountId: id,
  accountLabel: z.string(),
  code: breachCodeSchema,
  severity: z.enum(['breach', 'warning']),
  message: z.string(),
  /** What to do, and where in the app to do it (a #/ route). */
  fix: z.object({ label: z.string(), href: z.string() }),
  /** The day it falls due, where it has one (a holder's leaving date). */
  dueOn: isoDate.nullable(),
});
export type Breach = z.infer<typeof breachSchema>;

const fixSchema = z.object({ label: z.string(), href: z.string() });

/**
 * One thing found about an account (shared/policy/account-status.ts): a
 * compliance breach or warning, its password change, or a setting-up step.
 * `breach`: against the school policy now; `attention`: to do, by `dueOn`
 * where it has one; `setup`: a step before the account goes live.
 */
export const findingSchema = z.object({
  kind: z.string(),
  severity: z.enum(['breach', 'attention', 'setup']),
  dueOn: isoDate.nullable(),
  message: z.string(),
  fix: fixSchema,
});
export type Finding = z.infer<typeof findingSchema>;

export const setupStepIds = [
  'business-case',
  'approval',
  'lead',
  'holders',
  'password',
  'live',
  'slt-told',
  'website-linked',
] as const;
export const setupStepSchema = z.object({
  id: z.enum(setupStepIds),
  label: z.string(),
  done: z.boolean(),
  fix: fixSchema,
});
export type SetupStep = z.infer<typeof setupStepSchema>;

/** One line of the Dashboard's list (shared/policy/needs-you.ts NeedItem). */
export const needItemSchema = z.object({
  id: z.string(),
  group: z.enum(needGroups),
  code: z.string().optional(),
  text: z.string(),
  dueOn: isoDate.nullable(),
  fix: fixSchema,
});

export const accountStateKinds = ['breach', 'setting-up', 'attention', 'fine', 'closed'] as const;
export type AccountStateKind = (typeof accountStateKinds)[number];

/** Each account's one state, the same on every screen and on paper. */
export const accountStateSchema = z.object({
  accountId: id,
  label: z.string(),
  kind: z.enum(accountStateKinds),
  /** The state in words: "Breach", "Needs attention by 12/01/2027", "Meets the policy"... */
  wording: z.string(),
  /** The earliest due date among the findings that decide the state, if any. */
  dueOn: isoDate.nullable(),
  /** Most serious first. */
  findings: z.array(findingSchema),
  /** The setting-up checklist while the account is not live yet; empty once it is. */
  steps: z.array(setupStepSchema),
});
export type AccountState = z.infer<typeof accountStateSchema>;

export const stateCountsSchema = z.object({
  breach: z.number().int(),
  'setting-up': z.number().int(),
  attention: z.number().int(),
  fine: z.number().int(),
  closed: z.number().int(),
  total: z.number().int(),
});
export type StateCounts = z.infer<typeof stateCountsSchema>;

export const complianceChannels = {
  'compliance.list': {
    input: noInput,
    output: z.object({
      breaches: z.array(breachSchema),
      counts: z.record(z.string(), z.number().int()),
      accountsChecked: z.number().int(),
    }),
  },
  'compliance.forAccount': { input: z.object({ accountId: id }).strict(), output: z.array(breachSchema) },
  /** Every account's state and the counts, computed for today. */
  'compliance.status': {
    input: noInput,
    output: z.object({ accounts: z.array(accountStateSchema), counts: stateCountsSchema, today: isoDate }),
  },
  'compliance.accountStatus': { input: z.object({ accountId: id }).strict(), output: accountStateSchema },
  /**
   * The Dashboard's share of the same states: the accounts' lines of its
   * list already built (shared/policy/needs-you.ts accountNeedItems), the
   * number still open, the password changes under way and the counts, so
   * the renderer never holds every account's state or the whole schedule.
   */
  'compliance.needsYou': {
    /** full: every line (the Dashboard's "Show all"); otherwise the lines it draws before that (needs-you-fold.ts). */
    input: z.object({ full: z.boolean().optional() }).strict(),
    output: z.object({
      accountItems: z.array(needItemSchema),
      /** How many of each kind's lines on the "Needs you" list were left out (none when full). */
      foldedAccountItems: z.partialRecord(z.enum(needGroups), z.number().int().nonnegative()),
      liveAccounts: z.number().int(),
      pending: z.array(z.object({ accountId: id, label: z.string(), startedAt: isoDateTime })),
      counts: stateCountsSchema,
      today: isoDate,
    }),
  },
} as const;
