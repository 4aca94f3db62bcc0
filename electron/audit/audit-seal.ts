import { createHmac, timingSafeEqual } from 'node:crypto';
import { KeyholderError } from '../../shared/contract';
import type { Db } from '../db/open';

/**
 * The audit key seals the chain: an HMAC-SHA256 over each entry's id and hash,
 * and over the chain's head (its last entry and length). The key is random,
 * stored in the vault table encrypted under the vault key, and known to this
 * process only while the vault is unlocked, so someone who can edit the
 * database file but not read the keychain cannot forge an entry, recompute
 * the chain, or cut entries off its end without it showing.
 *
 * What it cannot prove: someone holding both the file and the unlocked
 * keychain can rewrite history, and a whole vault copied back from an earlier
 * day (like a backup) is consistent with itself.
 */
const keys = new WeakMap<Db, Buffer>();

/** Called by the vault when it unlocks (with the key) and locks (with null). */
export function setAuditKey(db: Db, key: Buffer | null): void {
  if (key) keys.set(db, key);
  else keys.delete(db);
}

export function auditKeyOf(db: Db): Buffer {
  const key = keys.get(db);
  if (!key) {
    throw new KeyholderError(
      'VAULT_LOCKED',
      'The vault is locked, so this change cannot be recorded. Unlock it first.',
    );
  }
  return key;
}

/** The key while the vault is unlocked, otherwise null (verification then checks hashes only). */
export function auditKeyIfUnlocked(db: Db): Buffer | null {
  return keys.get(db) ?? null;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex');

export const entryMac = (key: Buffer, id: number, hash: string) => mac(key, `keyholder-audit/v1/entry/${id}/${hash}`);

export const headMac = (key: Buffer, lastId: number, entries: number, lastHash: string) =>
  mac(key, `keyholder-audit/v1/head/${lastId}/${entries}/${lastHash}`);

export function macMatches(expected: string, actual: string | null): boolean {
  if (actual === null || actual.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'utf8'), Buffer.from(actual, 'utf8'));
}
