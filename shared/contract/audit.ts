import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common';

export const auditEntrySchema = z.object({
  id,
  at: isoDateTime,
  actor: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.number().int().nullable(),
  targetLabel: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  message: z.string(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;

export const auditChannels = {
  'audit.list': {
    input: z
      .object({
        targetType: z.string().max(40).optional(),
        targetId: id.optional(),
        action: z.string().max(80).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(20_000).optional(),
      })
      .strict(),
    output: z.array(auditEntrySchema),
  },
  'audit.verify': { input: z.object({}).strict(), output: auditVerifySchema },
} as const;
