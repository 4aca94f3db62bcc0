import { z } from 'zod';
import { id, noInput, requiredText } from './common';

export const vaultStateSchema = z.enum(['setup-required', 'locked', 'unlocked']);

/** Why the vault is locked, so the screen can name the cause and the fix. */
export const lockReasonSchema = z.enum([
  'manual',
  'idle',
  'os-lock',
  'keychain-unavailable',
  'keychain-locked',
  'key-missing',
  'key-mismatch',
]);
export type LockReason = z.infer<typeof lockReasonSchema>;

export const vaultStatusSchema = z.object({
  state: vaultStateSchema,
  reason: lockReasonSchema.nullable(),
  /** What happened and what to do, for the locked screen. */
  message: z.string().nullable(),
  schoolName: z.string(),
  administratorName: z.string(),
  lockAfterMinutes: z.number().int(),
  clipboardSeconds: z.number().int(),
  keyStore: z.string(),
  /** Set when the audit log failed its check at unlock: what was found and what to do. */
  auditProblem: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const setupInputSchema = z.object({
  schoolName: requiredText('School name', 200),
  administratorName: requiredText('Your name', 120),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

export const passwordCheckSchema = z.object({
  ok: z.boolean(),
  score: z.number().int().min(0).max(4),
  reasons: z.array(z.string()),
});
export type PasswordCheckResult = z.infer<typeof passwordCheckSchema>;

/** A password or other secret as typed; bounded so nobody pastes a file into it. */
export const secretText = z.string().min(1, 'Enter the secret').max(4096, 'That is too long to be a password');

export const vaultChannels = {
  'vault.status': { input: noInput, output: vaultStatusSchema },
  'vault.setup': { input: setupInputSchema, output: vaultStatusSchema },
  'vault.unlock': { input: noInput, output: vaultStatusSchema },
  'vault.lock': { input: noInput, output: vaultStatusSchema },
  'vault.generatePassword': {
    input: z.object({ length: z.number().int().min(16).max(128).optional() }).strict(),
    output: z.object({ password: z.string(), score: z.number().int() }),
  },
  'vault.checkPassword': {
    input: z.object({ accountId: id.optional(), password: secretText }).strict(),
    output: passwordCheckSchema,
  },
} as const;
