import { z } from 'zod';
import { termNames } from '../policy/term-calendar';
import { isoDate, noInput } from './common';

/** The school's term dates (a setting: Autumn, Spring, Summer with half terms), which termly rotation follows. */
export const termSchema = z
  .object({
    academicYear: z.number().int().min(2000).max(2100),
    term: z.enum(termNames),
    startsOn: isoDate,
    halfTermStartsOn: isoDate,
    halfTermEndsOn: isoDate,
    endsOn: isoDate,
  })
  .strict();

export const calendarChannels = {
  'calendar.get': {
    input: noInput,
    output: z.object({ terms: z.array(termSchema.extend({ isDefault: z.boolean() })), currentYear: z.number().int() }),
  },
  'calendar.save': {
    input: z.object({ terms: z.array(termSchema).min(1).max(30) }).strict(),
    output: z.object({ saved: z.number().int() }),
  },
  'calendar.exportCsv': { input: noInput, output: z.object({ path: z.string().nullable() }) },
  'calendar.importCsv': { input: noInput, output: z.object({ path: z.string().nullable(), saved: z.number().int() }) },
} as const;
