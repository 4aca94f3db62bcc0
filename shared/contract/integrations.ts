import { z } from 'zod';
import { id, isoDate, requiredText } from './common';

/**
 * Apps and services connected to an account: scheduling tools, analytics
 * (tpat 6: no new app or service without the Headteacher's approval; DOMAIN.md 17).
 * Removed apps stay as the record.
 */
export const appPurposeSchema = z.enum(['scheduling', 'analytics', 'other']);
export type AppPurpose = z.infer<typeof appPurposeSchema>;
export const appPurposeLabels: Record<AppPurpose, string> = {
  scheduling: 'Scheduling posts',
  analytics: 'Analytics',
  other: 'Something else',
};

const personRef = z.object({ id, name: z.string() });

export const accountAppSchema = z.object({
  id,
  accountId: id,
  name: z.string(),
  purpose: appPurposeSchema,
  approvedBy: personRef,
  approvedOn: isoDate,
  removedOn: isoDate.nullable(),
  removedReason: z.string().nullable(),
});
export type AccountApp = z.infer<typeof accountAppSchema>;

export const addAppSchema = z
  .object({
    accountId: id,
    name: requiredText("The app's name", 120),
    purpose: appPurposeSchema,
    approvedById: id,
    approvedOn: isoDate,
  })
  .strict();

export const integrationsChannels = {
  'integrations.list': { input: z.object({ accountId: id }).strict(), output: z.array(accountAppSchema) },
  'integrations.add': { input: addAppSchema, output: z.array(accountAppSchema) },
  'integrations.remove': {
    input: z.object({ appId: id, reason: requiredText('Reason', 300), on: isoDate }).strict(),
    output: z.array(accountAppSchema),
  },
} as const;
