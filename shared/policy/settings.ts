import { defaultWeeklyCheckItems } from './weekly-checks';
import { z } from 'zod';
import { approvalRules } from './approval-rules';
import { defaultPostingHours, postingHoursSchema } from './posting-hours';

/**
 * The school's settings, with the policy values from ../shared/DOMAIN.md as
 * defaults. Each is a school's own choice, so each is editable.
 */
export const settingsSchema = z.object({
  schoolName: z.string().trim().max(200).default(''),
  /** The school's town or village: a backup passphrase must not contain it (the first thing a guesser tries). */
  schoolTown: z.string().trim().max(120).default(''),
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
  /** Who may approve a new account (tpat 5: the Headteacher; wentworth: with a governor). */
  approvalRule: z.enum(approvalRules).default('headteacher'),
  /** sutton-manor: "only the SLT will have access". Off by default: any authorised member of staff may hold a password. */
  holdersMustBeSlt: z.boolean().default(false),
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
  /**
   * Where automatic backups go (a network share or OneDrive folder); '' = none
   * chosen. Set only by the main process, from its own folder dialog.
   */
  backupFolder: z.string().max(1000).default(''),
  /** How many automatic backups to keep in that folder; older ones are deleted. */
  backupKeep: z.number().int().min(1).max(100).default(10),
  /** When the automatic backups' folder or passphrase last changed (set up or stopped). Bookkeeping: main process only. */
  backupChangedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** The last emergency kit printed for the school safe, and the computer it describes. Bookkeeping: main process only. */
  emergencyKit: z
    .object({ printedAt: z.iso.datetime({ offset: true }), host: z.string().max(300) })
    .nullable()
    .default(null),
  /** When the last backup (manual or automatic) was written, or restored from. Bookkeeping: main process only. */
  lastBackupAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Days that are not working days for reply deadlines (bebington "Monitoring"): England and Wales. */
  bankHolidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use dates in the form yyyy-mm-dd'))
    .max(200)
    .default([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]),
  /** The policy's title as the school names it, printed on the acknowledgement sheet (tpat 8). */
  policyTitle: z.string().trim().min(1, 'Give the policy’s title').max(200).default('Social Media Policy'),
  /** What is checked each week on every active account (north-herts 3 and 6.1, sutton-manor); none = no weekly checks. */
  weeklyCheckItems: z
    .array(z.string().trim().min(1, 'Give each check a name').max(120))
    .max(12)
    .refine((items) => new Set(items).size === items.length, 'Each weekly check must have a different name')
    .default([...defaultWeeklyCheckItems]),
  /** When posts normally go out (wentworth "Usage Policy": 8am to 6pm, Monday to Friday); the report counts those outside. */
  postingHours: postingHoursSchema.default({ ...defaultPostingHours, weekdays: [...defaultPostingHours.weekdays] }),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = settingsSchema.parse({});

/** The policy's own floor: "a combination of 6+ letters, numbers, and special characters". */
export const policyFloorLength = 6;

/**
 * Settings the renderer may never set: where backups are written (chosen
 * through the main process's own dialog) and bookkeeping the app keeps.
 */
export const mainProcessSettings = [
  'backupFolder',
  'lastBackupAt',
  'backupChangedAt',
  'emergencyKit',
] as const satisfies readonly SettingKey[];
