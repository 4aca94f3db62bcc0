import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerify } from '../../shared/contract';
import type { Db } from '../db/open';
import { canonicalJson } from './canonical-json';

/**
 * The append-only, hash-chained audit log. Every domain writes through
 * `appendAudit`, inside the same transaction as the change it records, so
 * an entry exists exactly when its change does. Details never hold secrets.
 */
export interface AuditInput {
  actor: string;
  action: string;
  targetType?: string | null;
  targetId?: number | null;
  targetLabel?: string | null;
  details?: Record<string, unknown>;
}

export const genesisHash = '0'.repeat(64);

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: number | null;
  target_label: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function hashEntry(prevHash: string, entry: Omit<Row, 'id' | 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    targetType: entry.target_type,
    targetId: entry.target_id,
    targetLabel: entry.target_label,
    details: JSON.parse(entry.details) as unknown,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export function appendAudit(db: Db, at: Date, input: AuditInput): number {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? genesisHash;
  const row = {
    at: at.toISOString(),
    actor: input.actor || 'Administrator',
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    target_label: input.targetLabel ?? null,
    details: canonicalJson(input.details ?? {}),
  };
  const hash = hashEntry(prevHash, row);
  const result = db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target_type, target_id, target_label, details, prev_hash, hash)
       VALUES (@at, @actor, @action, @target_type, @target_id, @target_label, @details, @prev_hash, @hash)`,
    )
    .run({ ...row, prev_hash: prevHash, hash });
  return Number(result.lastInsertRowid);
}

/** Walks the whole chain and names the first entry that does not match. */
export function verifyAudit(db: Db): AuditVerify {
  let prev = genesisHash;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<Row>) {
    let expected: string;
    try {
      expected = hashEntry(prev, row);
    } catch {
      expected = '';
    }
    if (row.prev_hash !== prev || row.hash !== expected) {
      return {
        ok: false,
        checked,
        firstBadId: row.id,
        message: `Audit entry ${row.id} (${row.at}) has been altered or removed entries before it. Entries from ${row.id} on cannot be trusted. Keep this vault as evidence and restore a backup.`,
      };
    }
    prev = row.hash;
    checked += 1;
  }
  return { ok: true, checked, firstBadId: null, message: `All ${checked} audit entries verify.` };
}

export interface AuditFilter {
  targetType?: string;
  targetId?: number;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export function listAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (filter.targetType) add('target_type = @targetType', 'targetType', filter.targetType);
  if (filter.targetId) add('target_id = @targetId', 'targetId', filter.targetId);
  if (filter.action) add('action = @action', 'action', filter.action);
  if (filter.from) add('at >= @from', 'from', filter.from);
  // "to" is a calendar day: include all of it.
  if (filter.to) add("at < date(@to, '+1 day')", 'to', filter.to);
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  const rows = db.prepare(sql).all({ ...params, limit: filter.limit ?? 5000 }) as Row[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetLabel: row.target_label,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
