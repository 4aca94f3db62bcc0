import { z } from 'zod';
import { noInput } from './common';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
  /** Set when the data folder is on a network drive: what the risk is and what to do. */
  storageWarning: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  'app.info': { input: noInput, output: appInfoSchema },
} as const;
