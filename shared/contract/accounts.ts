import { z } from 'zod';
import { platformIds } from '../policy/platforms';
import { id, isoDateTime, noInput, requiredText } from './common';

export const platformSchema = z.enum(platformIds);

export const accountStatusSchema = z.enum(['proposed', 'approved', 'active', 'suspended', 'closed', 'transferred']);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

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

export const accountInputSchema = z
  .object({
    platform: platformSchema,
    handle: requiredText('Handle', 100),
    displayName: z.string().trim().max(200).default(''),
    profileUrl: z.union([z.literal(''), profileUrlSchema]).default(''),
    loginEmail: optionalEmail.default(''),
  })
  .strict();
export type AccountInput = z.input<typeof accountInputSchema>;

export const accountSchema = z.object({
  id,
  platform: platformSchema,
  handle: z.string(),
  displayName: z.string(),
  profileUrl: z.string(),
  loginEmail: z.string(),
  status: accountStatusSchema,
  hasPassword: z.boolean(),
  passwordSetAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Account = z.infer<typeof accountSchema>;

export const accountsChannels = {
  'accounts.list': { input: noInput, output: z.array(accountSchema) },
  'accounts.get': { input: z.object({ id }).strict(), output: accountSchema },
  'accounts.create': { input: accountInputSchema, output: accountSchema },
} as const;
