import { z } from 'zod';

/**
 * The school's settings, with the policy values from ../shared/DOMAIN.md as
 * defaults. Each is a school's own choice, so each is editable.
 */
export const settingsSchema = z.object({
  schoolName: z.string().trim().max(200).default(''),
  administratorName: z.string().trim().max(120).default(''),
  /** e.g. "stmarys.sch.uk": login emails outside it are flagged. */
  schoolEmailDomain: z.string().trim().toLowerCase().max(200).default(''),
  /** Mailbox names that count as generic (office@, socialmedia@...). */
  genericMailboxNames: z
    .array(z.string().trim().toLowerCase().min(1).max(64))
    .max(50)
    .default(['office', 'admin', 'enquiries', 'info', 'socialmedia', 'social', 'comms', 'communications', 'media']),
  /** North Herts 4 / TPAT 5-6: "known to only three people". */
  maxHolders: z.number().int().min(1).max(20).default(3),
  /** Bebington: at least two named staff run each account. */
  minRunners: z.number().int().min(1).max(20).default(2),
  generatedPasswordLength: z.number().int().min(16).max(128).default(20),
  minGeneratedPasswordLength: z.number().int().min(6).max(128).default(16),
  minTypedPasswordLength: z.number().int().min(6).max(128).default(12),
  avoidLookAlikes: z.boolean().default(true),
  lockAfterMinutes: z.number().int().min(1).max(240).default(5),
  clipboardSeconds: z.number().int().min(5).max(300).default(30),
  /** Termly rotations are due in the first week of the next term: this many days. */
  rotationGraceDays: z.number().int().min(1).max(60).default(7),
  /** "Due soon" starts this many days before a rotation is due. */
  rotationDueSoonDays: z.number().int().min(0).max(90).default(14),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = settingsSchema.parse({});

/** The policy's own floor: "a combination of 6+ letters, numbers, and special characters". */
export const policyFloorLength = 6;
