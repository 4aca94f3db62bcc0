import { z } from 'zod';
import { id, isoDateTime, requiredText } from './common';
import { secretText } from './vault';

/** The secrets an account can hold. The pending rotation password arrives with rotations. */
export const secretFieldSchema = z.enum(['password', 'recoveryCodes', 'twoFactorNotes']);
export type SecretField = z.infer<typeof secretFieldSchema>;

export const secretFieldLabels: Record<SecretField, string> = {
  password: 'Password',
  recoveryCodes: 'Recovery codes',
  twoFactorNotes: 'Two-factor notes',
};

/** What can be revealed or copied: the stored secrets plus a rotation's pending password. */
export const readableFieldSchema = z.enum([...secretFieldSchema.options, 'pendingPassword']);
export type ReadableField = z.infer<typeof readableFieldSchema>;

const target = z.object({ accountId: id, field: readableFieldSchema }).strict();

export const secretSummarySchema = z.object({
  field: secretFieldSchema,
  setAt: isoDateTime,
  setBy: z.string(),
  reason: z.string(),
  /** The stored value no longer decrypts (checked while unlocked): it must be set again. */
  damaged: z.boolean(),
});

export const historyEntrySchema = z.object({
  id,
  setAt: isoDateTime,
  setBy: z.string(),
  reason: z.string(),
  retiredAt: isoDateTime,
  retiredBy: z.string(),
  retiredReason: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const secretsChannels = {
  'secrets.set': {
    input: z
      .object({
        accountId: id,
        field: secretFieldSchema,
        value: secretText,
        source: z.enum(['generated', 'typed']),
        reason: requiredText('Reason', 300),
      })
      .strict(),
    output: secretSummarySchema,
  },
  'secrets.reveal': {
    input: target,
    output: z.object({ value: z.string(), hideAfterSeconds: z.number().int() }),
  },
  'secrets.copy': {
    input: target,
    output: z.object({ clearAfterSeconds: z.number().int() }),
  },
  'secrets.summary': {
    input: z.object({ accountId: id }).strict(),
    output: z.array(secretSummarySchema),
  },
  'secrets.history': {
    input: z.object({ accountId: id }).strict(),
    output: z.array(historyEntrySchema),
  },
} as const;
