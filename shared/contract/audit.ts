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

/**
 * What a check of the audit log found. `altered`: an entry's content no
 * longer matches its hash. `forged`: the hash was recomputed without the
 * audit key. `missing`: entries were removed or reordered before this one.
 * `truncated`: entries were removed from the end (or all of them).
 * `unsealed`: an entry was added without the key. `schema`: something was
 * added to the database (a trigger, table or index) that Keyholder did not make.
 */
export const auditDamageKinds = ['altered', 'forged', 'missing', 'truncated', 'unsealed', 'schema'] as const;
export type AuditDamage = (typeof auditDamageKinds)[number];

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  damage: z.enum(auditDamageKinds).nullable(),
  /** False while the vault is locked: only the hashes could be checked, not the seals. */
  sealsChecked: z.boolean(),
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
