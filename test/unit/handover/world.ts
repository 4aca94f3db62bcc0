import type { Db } from '../../../electron/db/open';
import type { Account, Handover, HandoverItem, Person, PersonInput } from '../../../shared/contract';
import { manualClock, useRotationCores, type Session } from '../rotations/harness';

/**
 * Shared set-up for the handover tests: a real core driven through
 * core.dispatch (see ../rotation/harness.ts), people with or without the
 * policy signed and training recorded, and accounts with a lead, holders
 * and a login email.
 *
 * The clock starts on Monday 15/06/2026 (summer term, BST): 10:00 in London.
 */
export const today = '2026-06-15';
export const start = '2026-06-15T09:00:00.000Z';

export { manualClock, type Session };

export function useHandoverCores(): (clockAt?: string) => Promise<Session> {
  const open = useRotationCores();
  return (clockAt = start) => open({ clock: manualClock(clockAt) });
}

const ready = { policyAcknowledgedOn: '2025-09-02', trainingCompletedOn: '2025-09-03' };

/** A member of staff who has signed the policy and been trained, unless `extra` says otherwise. */
export function addPerson(s: Session, name: string, extra: Partial<PersonInput> = {}): Promise<Person> {
  return s.call('people.create', { name, roles: ['staff'], ...ready, ...extra });
}

export interface AccountSpec {
  handle: string;
  platform?: 'x' | 'facebook' | 'instagram' | 'other';
  lead?: Person | null;
  holders?: Person[];
  loginEmail?: string;
  runners?: Person[];
  /** Store a password (needed before a rotation can be confirmed). */
  password?: boolean;
}

/** An account with its lead, holders (authorised by `head`) and, by default, a stored password. */
export async function addAccount(s: Session, head: Person, spec: AccountSpec): Promise<Account> {
  const account = await s.call('accounts.create', {
    platform: spec.platform ?? 'x',
    handle: spec.handle,
    leadPersonId: spec.lead?.id ?? null,
    loginEmail: spec.loginEmail ?? '',
    businessCase: { runnerIds: (spec.runners ?? []).map((p) => p.id) },
  });
  for (const holder of spec.holders ?? [])
    await s.call('holders.add', {
      accountId: account.id,
      personId: holder.id,
      authorisedById: head.id,
      authorisedOn: '2025-09-04',
    });
  if (spec.password !== false)
    await s.call('secrets.set', {
      accountId: account.id,
      field: 'password',
      value: `Kestrel!Harbour-${account.id}-Violet`,
      source: 'typed',
      reason: 'Taken over from the spreadsheet',
    });
  return s.call('accounts.get', { id: account.id });
}

/** The one item of `kind` on `accountId` (the administrator role has no account). */
export function itemOf(handover: Handover, kind: HandoverItem['kind'], accountId: number | null): HandoverItem {
  const found = handover.items.filter((i) => i.kind === kind && i.accountId === accountId);
  const [item] = found;
  if (found.length !== 1 || !item)
    throw new Error(`expected one ${kind} item for account ${accountId}, found ${found.length}: ${kinds(handover)}`);
  return item;
}

export const kinds = (handover: Handover): string =>
  handover.items.map((i) => `${i.kind}:${i.accountId ?? '-'}`).join(', ');

/** Starts and confirms a generated password change at the clock's time. */
export async function rotate(s: Session, accountId: number): Promise<void> {
  const { rotationId } = await s.call('rotations.start', { accountId, reason: 'Holder left' });
  await s.call('rotations.confirm', { rotationId });
}

/** Every row of every table and the schema itself, as one string (as in test/unit/core/contract-fuzz.test.ts). */
export function snapshot(db: Db): string {
  const parts: string[] = [JSON.stringify(db.pragma('user_version', { simple: true }))];
  parts.push(JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all()));
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  for (const { name, sql } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const order = /WITHOUT\s+ROWID/i.test(sql ?? '') ? primaryKeyOrder(db, quoted) : 'rowid';
    parts.push(name, JSON.stringify(db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).all()));
  }
  return parts.join('\n');
}

function primaryKeyOrder(db: Db, quoted: string): string {
  const columns = db.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string; pk: number }[];
  return columns
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => `"${column.name.replace(/"/g, '""')}"`)
    .join(', ');
}

/** The tables a handover writes to must be in the snapshot, or it proves nothing. */
export const touchedTables = ['people', 'accounts', 'account_holders', 'account_runners', 'audit_log', 'handovers'];
