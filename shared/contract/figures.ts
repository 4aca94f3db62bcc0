import { z } from 'zod';
import { followerTypeKeys } from '../policy/engagement';
import { platformSchema } from './accounts';
import { id, isoDate, isoDateTime, noInput, shortText } from './common';

/** Engagement figures for the Appendix 1 report (north-herts 6.2): typed in, or from an analytics CSV. */
const count = (label: string) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(100_000_000, `${label} is too large`);
const optionalCount = (label: string) => count(label).nullable().default(null);

export const followerTypesSchema = z
  .object(
    Object.fromEntries(followerTypeKeys.map((k) => [k, optionalCount(`Followers: ${k}`)])) as {
      [K in (typeof followerTypeKeys)[number]]: ReturnType<typeof optionalCount>;
    },
  )
  .strict();

/** What to do when new figures overlap figures already saved for the account. */
export const overlapChoiceSchema = z.enum(['refuse', 'merge']);

export const figuresInputSchema = z
  .object({
    accountId: id,
    from: isoDate,
    to: isoDate,
    followersStart: count('Followers at the start'),
    followersEnd: count('Followers at the end'),
    followerTypes: followerTypesSchema.default({ schools: null, clubs: null, individuals: null, other: null }),
    posts: count('Posts'),
    shares: count('Shares'),
    mentions: count('Mentions'),
    likes: count('Likes'),
    notes: shortText(1000).default(''),
    onOverlap: overlapChoiceSchema.default('refuse'),
  })
  .strict()
  .refine((f) => f.to > f.from, { message: 'The end date must be after the start date', path: ['to'] });
export type FiguresInput = z.input<typeof figuresInputSchema>;

export const figuresSchema = z.object({
  id,
  accountId: id,
  accountLabel: z.string(),
  platform: platformSchema,
  from: isoDate,
  to: isoDate,
  followersStart: z.number().int(),
  followersEnd: z.number().int(),
  newFollowers: z.number().int(),
  followerTypes: z.object({
    schools: z.number().int().nullable(),
    clubs: z.number().int().nullable(),
    individuals: z.number().int().nullable(),
    other: z.number().int().nullable(),
  }),
  posts: z.number().int(),
  shares: z.number().int(),
  mentions: z.number().int(),
  likes: z.number().int(),
  notes: z.string(),
  source: z.enum(['manual', 'csv']),
  recordedBy: z.string(),
  updatedAt: isoDateTime,
});
export type Figures = z.infer<typeof figuresSchema>;

export const csvImportIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'That file is no longer open. Choose the analytics file again.');

const column = z.number().int().min(0).max(199).nullable().default(null);
/**
 * Columns of a per-post analytics export: one row per post, counts summed
 * over the period. The time of a post is read from the date column when it
 * carries one, or from a time column of its own; the text is kept with the
 * posts outside the school's posting hours.
 */
export const figuresCsvMappingSchema = z
  .object({
    date: z.number().int().min(0).max(199),
    time: column,
    text: column,
    shares: column,
    mentions: column,
    likes: column,
  })
  .strict();
export type FiguresCsvMapping = z.output<typeof figuresCsvMappingSchema>;

const csvRequest = z
  .object({ importId: csvImportIdSchema, accountId: id, from: isoDate, to: isoDate, mapping: figuresCsvMappingSchema })
  .strict();

export const figuresCsvPreviewSchema = z.object({
  postsInPeriod: z.number().int(),
  shares: z.number().int(),
  mentions: z.number().int(),
  likes: z.number().int(),
  outsidePeriod: z.number().int(),
  /** Posts in the period whose time the file gives, and how many of them were outside the posting hours. */
  withTime: z.number().int(),
  outsideHours: z.number().int(),
  /** The school's posting hours in words: "08:00-18:00, Monday to Friday". */
  hours: z.string(),
  /** Rows whose date or numbers could not be read, with the row number as the spreadsheet shows it. */
  unreadable: z.array(z.object({ rowNumber: z.number().int(), problem: z.string() })),
  sample: z.array(
    z.object({ date: isoDate, shares: z.number().int(), mentions: z.number().int(), likes: z.number().int() }),
  ),
});

const cancelled = z.object({ cancelled: z.literal(true) });

export const figuresChannels = {
  'figures.list': {
    input: z.object({ accountId: id.nullable().default(null) }).strict(),
    output: z.array(figuresSchema),
  },
  'figures.save': { input: figuresInputSchema, output: figuresSchema },
  'figures.update': {
    input: z.object({ id, figures: figuresInputSchema }).strict(),
    output: figuresSchema,
  },
  'figures.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.literal(true) }) },
  'figures.openCsv': {
    input: noInput,
    output: z.discriminatedUnion('cancelled', [
      cancelled,
      z.object({
        cancelled: z.literal(false),
        importId: csvImportIdSchema,
        fileName: z.string(),
        headers: z.array(z.string()),
        rowCount: z.number().int(),
        sample: z.array(z.array(z.string())),
        suggestedMapping: figuresCsvMappingSchema.nullable(),
      }),
    ]),
  },
  'figures.previewCsv': { input: csvRequest, output: figuresCsvPreviewSchema },
  'figures.importCsv': {
    input: csvRequest.extend({
      followersStart: count('Followers at the start'),
      followersEnd: count('Followers at the end'),
      onOverlap: overlapChoiceSchema.default('refuse'),
    }),
    output: figuresSchema,
  },
} as const;
