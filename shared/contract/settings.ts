import { z } from 'zod';
import { settingsSchema, type Settings } from '../policy/settings';
import { noInput } from './common';

// zod 4 applies a field's default even inside .optional(), so a plain
// settingsSchema.partial() would fill every unsent key with its default and
// overwrite the school's values. The patch schema strips the defaults.
const patchShape = Object.fromEntries(
  Object.entries(settingsSchema.shape).map(([key, schema]) => [key, schema.removeDefault().optional()]),
) as { [K in keyof Settings]: z.ZodOptional<ReturnType<(typeof settingsSchema.shape)[K]['removeDefault']>> };

export const settingsChannels = {
  'settings.get': { input: noInput, output: settingsSchema },
  // Only the keys sent are changed; each is validated like the whole set.
  'settings.update': { input: z.object(patchShape).strict(), output: settingsSchema },
} as const;
