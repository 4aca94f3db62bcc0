import type { AuditDamage, AuditVerify } from '../../shared/contract';
import type { Db } from '../db/open';
import { genesisHash, hashEntry, readHead, type AuditRow } from './audit-log';
import { entryMac, headMac, macMatches } from './audit-seal';

const advice = 'Keep this vault as evidence and restore a backup.';

function damaged(kind: AuditDamage, row: Pick<AuditRow, 'id'> | null, checked: number, detail: string): AuditVerify {
  return {
    ok: false,
    checked,
    firstBadId: row?.id ?? null,
    damage: kind,
    sealsChecked: true,
    message: `${detail} ${advice}`,
  };
}

/** A vault that has an audit key has a sealed chain, so its head must be there. */
const hasAuditKey = (db: Db) =>
  db.prepare('SELECT 1 FROM vault WHERE singleton = 1 AND audit_key IS NOT NULL').get() !== undefined;

const day = (row: AuditRow) => row.at.slice(0, 10).split('-').reverse().join('/');

/**
 * Walks the whole chain: each entry links to the one before, matches its
 * hash, and (with the audit key, while unlocked) carries a valid seal; then
 * the sealed head must name the last entry and the number of entries.
 * Entries from before sealing began have no seal: the first sealed entry
 * vouches for them through the hash chain. Names the first problem found.
 */
export function verifyAudit(db: Db, key: Buffer | null): AuditVerify {
  let prev = genesisHash;
  let checked = 0;
  let sealing = false;
  let last: AuditRow | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    const problem = checkEntry(row, prev, key, sealing, checked);
    if (problem) return problem;
    sealing ||= row.mac !== null;
    prev = row.hash;
    last = row;
    checked += 1;
  }
  const head = readHead(db);
  if (!head) {
    if (!sealing && !hasAuditKey(db)) return passed(checked, key !== null, 'None of these entries is sealed yet.');
    return damaged('truncated', last, checked, 'The record of where the audit log ends has been removed.');
  }
  if (key && !macMatches(headMac(key, head.last_id, head.entries, head.last_hash), head.mac)) {
    return damaged('forged', null, checked, 'The record of where the audit log ends has been changed without the key.');
  }
  const endsHere = last
    ? head.last_id === last.id && head.last_hash === last.hash
    : head.last_id === 0 && head.last_hash === genesisHash;
  if (!endsHere || head.entries !== checked) {
    const lost = Math.max(0, head.entries - checked);
    return damaged(
      'truncated',
      last,
      checked,
      lost > 0
        ? `${lost} audit ${lost === 1 ? 'entry has' : 'entries have'} been removed from the end of the log.`
        : 'The audit log does not end where its sealed record says it does.',
    );
  }
  return passed(checked, key !== null, '');
}

function checkEntry(
  row: AuditRow,
  prev: string,
  key: Buffer | null,
  sealing: boolean,
  checked: number,
): AuditVerify | null {
  const where = `Audit entry ${row.id} (${day(row)})`;
  if (row.prev_hash !== prev) {
    return damaged(
      'missing',
      row,
      checked,
      `Entries before audit entry ${row.id} (${day(row)}) were removed or moved.`,
    );
  }
  let expected = '';
  try {
    expected = hashEntry(prev, row);
  } catch {
    expected = '';
  }
  if (row.hash !== expected) return damaged('altered', row, checked, `${where} was changed after it was written.`);
  if (row.mac === null) {
    return sealing ? damaged('unsealed', row, checked, `${where} was added without Keyholder's key.`) : null;
  }
  if (key && !macMatches(entryMac(key, row.id, row.hash), row.mac)) {
    return damaged('forged', row, checked, `${where} was rewritten without Keyholder's key.`);
  }
  return null;
}

function passed(checked: number, sealsChecked: boolean, note: string): AuditVerify {
  const base = `All ${checked} audit ${checked === 1 ? 'entry verifies' : 'entries verify'}.`;
  const locked = sealsChecked ? '' : ' Unlock the vault to check their seals too.';
  return {
    ok: true,
    checked,
    firstBadId: null,
    damage: null,
    sealsChecked,
    message: `${base}${locked}${note ? ` ${note}` : ''}`,
  };
}
