import { z } from 'zod';
import { platformSchema } from './accounts';
import { id, isoDate, isoDateTime, noInput } from './common';

/** Weekly checks of each active account (north-herts 3 and 6.1, sutton-manor): who ticked what, and when. */
const mondayOnly = isoDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'Choose the Monday of the week');

export const checkTickSchema = z.object({
  item: z.string(),
  checkedBy: z.object({ personId: id, name: z.string() }),
  checkedAt: isoDateTime,
});

export const weekSchema = z.object({
  week: isoDate,
  /** The Monday of the current week in London, by the main process's clock. */
  thisWeek: isoDate,
  /** The school's items (a setting), in order. */
  items: z.array(z.string()),
  accounts: z.array(
    z.object({
      accountId: id,
      label: z.string(),
      platform: platformSchema,
      ticks: z.array(checkTickSchema),
    }),
  ),
});
export type Week = z.infer<typeof weekSchema>;

const tickInput = z.object({ accountId: id, week: mondayOnly, item: z.string().trim().min(1).max(120) }).strict();

export const missedWeekSchema = z.object({
  accountId: id,
  label: z.string(),
  week: isoDate,
  missing: z.array(z.string()),
  dueBy: isoDate,
});
export type MissedWeekRow = z.infer<typeof missedWeekSchema>;

export const checksRecordSchema = z.array(
  z.object({ accountId: id, label: z.string(), weeks: z.number().int(), complete: z.number().int() }),
);

export const checksChannels = {
  /** Every active account's checks for one week (its Monday; null for this week). */
  'checks.week': { input: z.object({ week: mondayOnly.nullable().default(null) }).strict(), output: weekSchema },
  'checks.tick': { input: tickInput.extend({ checkedById: id }).strict(), output: weekSchema },
  /** Takes a tick back (ticked by mistake): recorded in the audit log. */
  'checks.untick': { input: tickInput, output: weekSchema },
  /** Last week's checks not all done, for the Dashboard. */
  'checks.missed': { input: noInput, output: z.array(missedWeekSchema) },
  /** Per account, how many whole weeks between two dates had every check done (the meeting pack). */
  'checks.record': {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: checksRecordSchema,
  },
} as const;
