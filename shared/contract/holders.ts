import { z } from 'zod';
import { id, isoDate, noInput, requiredText, shortText } from './common';

export const holderSchema = z.object({
  id,
  accountId: id,
  person: z.object({ id, name: z.string(), status: z.enum(['active', 'leaving', 'left']) }),
  /** Null for a holder brought in by an import, until the Headteacher's or SLT's authorisation is recorded. */
  authorisedBy: z.object({ id, name: z.string() }).nullable(),
  authorisedOn: isoDate.nullable(),
  addedOn: isoDate,
  /** Temporary access (wentworth): the holder's last day, after which Keyholder removes them. */
  accessEndsOn: isoDate.nullable(),
  overrideReason: z.string(),
  removedOn: isoDate.nullable(),
  removedReason: z.string().nullable(),
  /** Warnings shown on the account: no policy acknowledgement, no training... */
  warnings: z.array(z.string()),
});
export type Holder = z.infer<typeof holderSchema>;

export const addHolderSchema = z
  .object({
    accountId: id,
    personId: id,
    authorisedById: id,
    authorisedOn: isoDate,
    /** Needed to go past the most holders allowed (policy default 3). */
    overrideReason: shortText(1000).default(''),
    /** Temporary access: their last day (after today), or null for access until removed. */
    accessEndsOn: isoDate.nullable().default(null),
  })
  .strict();

/** A current holder whose access has an end date, for the Dashboard (shared/policy/temporary-access.ts). */
export const temporaryHolderSchema = z.object({
  holderId: id,
  accountId: id,
  accountLabel: z.string(),
  personName: z.string(),
  accessEndsOn: isoDate,
});

export const holdersChannels = {
  'holders.list': { input: z.object({ accountId: id }).strict(), output: z.array(holderSchema) },
  'holders.temporary': { input: noInput, output: z.array(temporaryHolderSchema) },
  'holders.add': { input: addHolderSchema, output: z.array(holderSchema) },
  'holders.authorise': {
    input: z.object({ holderId: id, authorisedById: id, authorisedOn: isoDate }).strict(),
    output: z.array(holderSchema),
  },
  'holders.remove': {
    input: z.object({ holderId: id, reason: requiredText('Reason', 300), on: isoDate }).strict(),
    output: z.array(holderSchema),
  },
} as const;
