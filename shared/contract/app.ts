import { z } from 'zod';
import { isoDateTime, noInput } from './common';

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
  /** The main process's clock, so every default date on screen is the day the vault keeps (one clock). */
  'app.clock': { input: noInput, output: z.object({ now: isoDateTime }) },
} as const;
