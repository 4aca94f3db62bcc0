import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../shared/contract';
import type { AuditAction } from '../../shared/policy/audit-actions';
import type { Db } from '../db/open';
import { auditKeyOf, entryMac, headMac } from './audit-seal';
import { canonicalJson } from './canonical-json';

/**
 * The append-only, hash-chained, sealed audit log. Every domain writes
 * through `appendAudit`, inside the same IMMEDIATE transaction as the change
 * it records, so an entry exists exactly when its change does and two
 * writers can never both extend the same end of the chain. Details never
 * hold secrets. Verification: ./audit-verify.ts; the seal: ./audit-seal.ts.
 */
export interface AuditInput {
  actor: string;
  /** One of the catalogue's names (shared/policy/audit-actions.ts), each with its label. */
  action: AuditAction;
  targetType?: string | null;
  targetId?: number | null;
  targetLabel?: string | null;
  details?: Record<string, unknown>;
}

export const genesisHash = '0'.repeat(64);

export interface AuditRow {
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
  mac: string | null;
}

export interface AuditHead {
  last_id: number;
  entries: number;
  last_hash: string;
  mac: string;
}

export function hashEntry(prevHash: string, entry: Omit<AuditRow, 'id' | 'prev_hash' | 'hash' | 'mac'>): string {
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

/**
 * SQLite stores text as UTF-8, so an ill-formed JavaScript string (a lone
 * surrogate) comes back changed. Text is made well-formed first, so the hash
 * is over exactly what is stored and reads back the same.
 */
const stored = (text: string | null) => (text === null ? null : text.toWellFormed());

export function readHead(db: Db): AuditHead | undefined {
  return db.prepare('SELECT last_id, entries, last_hash, mac FROM audit_head WHERE singleton = 1').get() as
    AuditHead | undefined;
}

export function appendAudit(db: Db, at: Date, input: AuditInput): number {
  const key = auditKeyOf(db);
  const write = () => {
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { id: number; hash: string } | undefined;
    // The head keeps the count, so an append does not walk the whole log.
    const entries =
      readHead(db)?.entries ?? (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const prevHash = last?.hash ?? genesisHash;
    const row = {
      at: at.toISOString(),
      actor: stored(input.actor || 'Administrator')!,
      action: stored(input.action)!,
      target_type: stored(input.targetType ?? null),
      target_id: input.targetId ?? null,
      target_label: stored(input.targetLabel ?? null),
      details: canonicalJson(input.details ?? {}),
    };
    const hash = hashEntry(prevHash, row);
    const id = (last?.id ?? 0) + 1;
    db.prepare(
      `INSERT INTO audit_log (id, at, actor, action, target_type, target_id, target_label, details, prev_hash, hash, mac)
       VALUES (@id, @at, @actor, @action, @target_type, @target_id, @target_label, @details, @prev_hash, @hash, @mac)`,
    ).run({ ...row, id, prev_hash: prevHash, hash, mac: entryMac(key, id, hash) });
    writeHead(db, key, id, entries + 1, hash);
    return id;
  };
  return db.inTransaction ? write() : db.transaction(write).immediate();
}

/** Records where the chain ends now, sealed; called after each append and when a vault is first sealed. */
export function writeHead(db: Db, key: Buffer, lastId: number, entries: number, lastHash: string): void {
  db.prepare(
    `INSERT INTO audit_head (singleton, last_id, entries, last_hash, mac) VALUES (1, @lastId, @entries, @lastHash, @mac)
     ON CONFLICT (singleton) DO UPDATE SET last_id = @lastId, entries = @entries, last_hash = @lastHash, mac = @mac`,
  ).run({ lastId, entries, lastHash, mac: headMac(key, lastId, entries, lastHash) });
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
  const rows = db.prepare(sql).all({ ...params, limit: filter.limit ?? 5000 }) as AuditRow[];
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
