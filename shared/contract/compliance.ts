import { z } from 'zod';
import { id, noInput } from './common';

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
});
export type Breach = z.infer<typeof breachSchema>;

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
} as const;
