import { z } from 'zod';
import { mainProcessSettings, settingsSchema, type Settings } from '../policy/settings';
import { noInput } from './common';

type EditableKey = Exclude<keyof Settings, (typeof mainProcessSettings)[number]>;

// zod 4 applies a field's default even inside .optional(), so a plain
// settingsSchema.partial() would fill every unsent key with its default and
// overwrite the school's values. The patch schema strips the defaults, and
// leaves out what only the main process sets (the backup folder, bookkeeping).
const patchShape = Object.fromEntries(
  Object.entries(settingsSchema.shape)
    .filter(([key]) => !(mainProcessSettings as readonly string[]).includes(key))
    .map(([key, schema]) => [key, schema.removeDefault().optional()]),
) as { [K in EditableKey]: z.ZodOptional<ReturnType<(typeof settingsSchema.shape)[K]['removeDefault']>> };

export const settingsChannels = {
  'settings.get': { input: noInput, output: settingsSchema },
  // Only the keys sent are changed; each is validated like the whole set.
  'settings.update': { input: z.object(patchShape).strict(), output: settingsSchema },
} as const;
