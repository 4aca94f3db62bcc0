import { z } from 'zod';
import { id, isoDate, isoDateTime, noInput, requiredText } from './common';

/**
 * Handover when a member of staff leaves (bebington: the account
 * administrator "controls the process for managing an account after the
 * lead staff member has left the organisation (closing or transferring)").
 */
export const closeStepIds = ['archive-downloaded', 'deactivated', 'website-links-removed'] as const;
export const closeStepLabels: Record<(typeof closeStepIds)[number], string> = {
  'archive-downloaded': "Download the account's archive from the platform",
  deactivated: 'Deactivate or delete the account on the platform',
  'website-links-removed': "Remove the account from the school website's links",
};

const personRef = z.object({ id, name: z.string() });

export const planAccountSchema = z.object({
  accountId: id,
  label: z.string(),
  status: z.string(),
  leads: z.boolean(),
  holds: z.boolean(),
  runs: z.boolean(),
  /** Their address is the login email: move it to a generic school mailbox. */
  emailIsTheirs: z.boolean(),
  /** Eligible new leads: current holders first, then other eligible staff. */
  candidates: z.array(personRef.extend({ holder: z.boolean(), runner: z.boolean() })),
  holdersAfter: z.number().int(),
  /** People named to run it once the leaver is removed. */
  runnersAfter: z.number().int(),
  /** Breaches the departure leaves (too few know the password or run it): a replacement, closing or a reason. */
  blocking: z.array(z.string()),
  /** Everything the departure does to this account, in words, before anything is applied. */
  consequences: z.array(z.string()),
  /** Apps connected to an account they lead (tpat 6), to remove or have approved again. */
  connectedApps: z.array(z.string()),
});
export type PlanAccount = z.infer<typeof planAccountSchema>;

export const planSchema = z.object({
  person: personRef.extend({ isAdministrator: z.boolean() }),
  leavingOn: isoDate,
  accounts: z.array(planAccountSchema),
  successorCandidates: z.array(personRef),
  /** Everyone else at the school who cannot take over, and why ("has not signed the policy"). */
  notEligible: z.array(personRef.extend({ reason: z.string() })),
  /** The Headteacher and SLT: who can authorise a replacement to know the password. */
  authorisers: z.array(personRef),
});
export type HandoverPlan = z.infer<typeof planSchema>;

export const leadDecisionSchema = z.discriminatedUnion('action', [
  z.object({ accountId: id, action: z.literal('transfer'), newLeadId: id }).strict(),
  z.object({ accountId: id, action: z.literal('close') }).strict(),
]);

export const executeSchema = z
  .object({
    personId: id,
    leavingOn: isoDate,
    leads: z.array(leadDecisionSchema).max(500),
    acknowledgements: z.array(z.object({ accountId: id, reason: requiredText('Reason', 500) }).strict()).max(500),
    /** Someone to take the leaver's place: named to run it, and a holder when `authorisedById` is given. */
    replacements: z
      .array(z.object({ accountId: id, personId: id, authorisedById: id.nullable().default(null) }).strict())
      .max(500)
      .default([]),
    successorId: id.nullable().default(null),
  })
  .strict();

/** One thing a handover did or still needs. 'transfer-lead' is any role passed on: the lead, or the leaver's place. */
export const handoverItemSchema = z.object({
  id,
  accountId: id.nullable(),
  label: z.string(),
  kind: z.enum(['transfer-lead', 'close-account', 'remove-holder', 'move-email', 'acknowledged', 'administrator-role']),
  summary: z.string(),
  /** For closing: each checklist step and when it was ticked. */
  steps: z.array(z.object({ step: z.string(), label: z.string(), doneOn: isoDate.nullable() })),
  /** For removed holders: the password change, once confirmed. */
  rotation: z.object({ confirmedAt: isoDateTime, confirmedBy: z.string() }).nullable(),
  done: z.boolean(),
});
export type HandoverItem = z.infer<typeof handoverItemSchema>;

export const handoverSchema = z.object({
  id,
  person: personRef,
  leavingOn: isoDate,
  state: z.enum(['scheduled', 'open', 'closed']),
  createdAt: isoDateTime,
  createdBy: z.string(),
  closedAt: isoDateTime.nullable(),
  successor: personRef.nullable(),
  items: z.array(handoverItemSchema),
  remaining: z.number().int(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverChannels = {
  'handover.plan': { input: z.object({ personId: id, leavingOn: isoDate }).strict(), output: planSchema },
  'handover.execute': { input: executeSchema, output: handoverSchema },
  'handover.list': { input: noInput, output: z.array(handoverSchema) },
  'handover.get': { input: z.object({ id }).strict(), output: handoverSchema },
  'handover.tick': {
    input: z.object({ itemId: id, step: z.string().max(60), done: z.boolean() }).strict(),
    output: handoverSchema,
  },
  'handover.exportPdf': { input: z.object({ id }).strict(), output: z.object({ path: z.string().nullable() }) },
} as const;
