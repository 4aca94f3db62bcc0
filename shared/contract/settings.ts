import { settingsSchema } from '../policy/settings';
import { noInput } from './common';

export const settingsChannels = {
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': {
    // Only the keys sent are changed; each is validated like the whole set.
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  },
} as const;
