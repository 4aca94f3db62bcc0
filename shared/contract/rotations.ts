import { z } from 'zod';
import { termNames } from '../policy/term-calendar';
import { id, isoDate, isoDateTime, noInput, requiredText, shortText } from './common';
export { termSchema } from './calendar';
import { platformSchema } from './accounts';
import { secretText } from './vault';

export const rotationPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('termly') }).strict(),
  z.object({ kind: z.literal('half-termly') }).strict(),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(730) }).strict(),
  z.object({ kind: z.literal('manual') }).strict(),
]);

export const rotationStateSchema = z.enum(['ok', 'due-soon', 'due', 'overdue', 'required', 'manual']);

export const rotationRowSchema = z.object({
  accountId: id,
  label: z.string(),
  platform: platformSchema,
  accountStatus: z.string(),
  policy: rotationPolicySchema,
  lastRotatedOn: isoDate.nullable(),
  dueFrom: isoDate.nullable(),
  dueBy: isoDate.nullable(),
  state: rotationStateSchema,
  reason: z.string(),
  pending: z.object({ rotationId: id, startedAt: isoDateTime }).nullable(),
});
export type RotationRow = z.infer<typeof rotationRowSchema>;

const personToTell = z.object({
  personId: id,
  name: z.string(),
  told: z.object({ channel: z.enum(['in-person', 'secure-channel']), toldAt: isoDateTime }).nullable(),
});

export const rotationDetailSchema = z.object({
  rotationId: id,
  accountId: id,
  label: z.string(),
  status: z.enum(['pending', 'confirmed', 'abandoned']),
  reason: z.string(),
  source: z.enum(['generated', 'typed']),
  startedAt: isoDateTime,
  startedBy: z.string(),
  finishedAt: isoDateTime.nullable(),
  finishedBy: z.string().nullable(),
  /** What to do on the platform, step by step. */
  steps: z.array(z.string()),
  profileUrl: z.string(),
  holdersToTell: z.array(personToTell),
});
export type RotationDetail = z.infer<typeof rotationDetailSchema>;

export const recordRowSchema = z.object({
  rotationId: id,
  accountId: id,
  label: z.string(),
  confirmedAt: isoDateTime,
  confirmedBy: z.string(),
  reason: z.string(),
  told: z.array(z.string()),
});

const termRef = z.object({ academicYear: z.number().int(), term: z.enum(termNames) }).strict();

export const rotationsChannels = {
  'rotations.list': { input: noInput, output: z.array(rotationRowSchema) },
  'rotations.setPolicy': {
    input: z.object({ accountId: id, policy: rotationPolicySchema }).strict(),
    output: rotationRowSchema,
  },
  'rotations.reportThreat': {
    input: z.object({ accountId: id, reason: requiredText('What happened', 500) }).strict(),
    output: rotationRowSchema,
  },
  'rotations.start': {
    input: z.object({ accountId: id, reason: requiredText('Reason', 300), password: secretText.optional() }).strict(),
    output: rotationDetailSchema,
  },
  'rotations.get': { input: z.object({ rotationId: id }).strict(), output: rotationDetailSchema },
  'rotations.confirm': { input: z.object({ rotationId: id }).strict(), output: rotationDetailSchema },
  'rotations.abandon': {
    input: z.object({ rotationId: id, note: shortText(500).default('') }).strict(),
    output: rotationDetailSchema,
  },
  'rotations.markTold': {
    input: z.object({ rotationId: id, personId: id, channel: z.enum(['in-person', 'secure-channel']) }).strict(),
    output: rotationDetailSchema,
  },
  'rotations.record': { input: termRef, output: z.array(recordRowSchema) },
  'rotations.exportRecord': {
    input: termRef,
    output: z.object({ path: z.string().nullable(), rows: z.number().int() }),
  },
} as const;
