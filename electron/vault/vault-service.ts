import { randomBytes, randomUUID } from 'node:crypto';
import { KeyholderError, type LockReason, type SetupInput, type VaultStatus } from '../../shared/contract';
import { createAuditKey, openAuditKey } from '../audit/audit-key';
import { appendAudit } from '../audit/audit-log';
import { auditKeyIfUnlocked, setAuditKey } from '../audit/audit-seal';
import { verifyAudit } from '../audit/audit-verify';
import type { Db } from '../db/open';
import type { Log } from '../core/logger';
import type { Clock, SecretStore } from '../core/platform';
import { readSettings, writeSettings } from '../settings/settings-store';
import { aad, decryptSecret, encryptSecret, keyBytes, keyCheckPlaintext, sealedKeyCheckPlaintext } from './envelope';
import { describeKeychainError, keyMismatchMessage, keyMissingMessage, probeKeychain } from './keychain-errors';

export const keychainService = 'Keyholder';

type State =
  | { kind: 'setup-required' }
  | { kind: 'locked'; reason: LockReason; message: string }
  | { kind: 'unlocked'; key: Buffer };

interface VaultRow {
  id: string;
  key_check: string | null;
}

const lockMessages: Partial<Record<LockReason, string>> = {
  manual: 'You locked the vault. Choose Unlock to carry on.',
  idle: 'The vault locked itself after a period without use. Choose Unlock to carry on.',
  'os-lock': 'The vault locked because the computer was locked or went to sleep. Choose Unlock to carry on.',
};

/**
 * Holds the vault key while unlocked and nowhere else. The key comes from
 * the OS keychain and is checked against the key-check value before use;
 * failures leave the vault locked with a reason, and write nothing to the
 * database (the database must stay byte-for-byte as it was).
 */
export class VaultService {
  private state: State = { kind: 'setup-required' };
  private onLock: ((reason: LockReason) => void) | null = null;
  private onUnlock: (() => void) | null = null;
  /** What the last check of the audit log found wrong, shown until it is resolved. */
  private auditProblem: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly store: SecretStore,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {
    if (this.row()) this.state = { kind: 'locked', reason: 'manual', message: lockMessages.manual! };
  }

  setLockListener(listener: (reason: LockReason) => void): void {
    this.onLock = listener;
  }

  /** Called whenever the vault becomes unlocked (set up or unlocked). */
  setUnlockListener(listener: () => void): void {
    this.onUnlock = listener;
  }

  private row(): VaultRow | undefined {
    return this.db.prepare('SELECT id, key_check FROM vault WHERE singleton = 1').get() as VaultRow | undefined;
  }

  vaultId(): string {
    const row = this.row();
    if (!row)
      throw new KeyholderError(
        'SETUP_REQUIRED',
        'Keyholder has not been set up yet. Enter your school name and your name first.',
      );
    return row.id;
  }

  status(): VaultStatus {
    const settings = readSettings(this.db);
    const base = {
      schoolName: settings.schoolName,
      administratorName: settings.administratorName,
      lockAfterMinutes: settings.lockAfterMinutes,
      clipboardSeconds: settings.clipboardSeconds,
      keyStore: this.store.kind,
    };
    if (this.state.kind === 'locked')
      return { ...base, state: 'locked', reason: this.state.reason, message: this.state.message, auditProblem: null };
    return { ...base, state: this.state.kind, reason: null, message: null, auditProblem: this.auditProblem };
  }

  isUnlocked(): boolean {
    return this.state.kind === 'unlocked';
  }

  /** The key for encrypting and decrypting, or a VAULT_LOCKED error naming the fix. */
  key(): Buffer {
    if (this.state.kind === 'unlocked') return this.state.key;
    if (this.state.kind === 'setup-required') {
      throw new KeyholderError(
        'SETUP_REQUIRED',
        'Keyholder has not been set up yet. Enter your school name and your name first.',
      );
    }
    throw new KeyholderError('VAULT_LOCKED', `${this.state.message} Nothing was changed.`);
  }

  actor(): string {
    return readSettings(this.db).administratorName || 'Administrator';
  }

  async setup(input: SetupInput): Promise<VaultStatus> {
    if (this.row()) throw new KeyholderError('CONFLICT', 'Keyholder is already set up on this computer.');
    const id = randomUUID();
    const key = randomBytes(keyBytes);
    const encoded = key.toString('base64');
    // The key goes into the keychain first and is read back: if the keychain
    // fails, nothing has been written to the database.
    try {
      await this.store.set(keychainService, id, encoded);
      if ((await this.store.get(keychainService, id)) !== encoded) throw new Error('The keychain did not keep the key');
    } catch (error) {
      const { message } = describeKeychainError(error);
      throw new KeyholderError(
        'KEYCHAIN_UNAVAILABLE',
        message.replace('The vault is locked because', 'Keyholder could not be set up because'),
      );
    }
    try {
      const now = this.clock.now();
      this.db
        .transaction(() => {
          this.db
            .prepare('INSERT INTO vault (singleton, id, created_at, key_check) VALUES (1, ?, ?, ?)')
            .run(id, now.toISOString(), encryptSecret(key, sealedKeyCheckPlaintext, aad.keyCheck(id)));
          setAuditKey(this.db, createAuditKey(this.db, key, aad.auditKey(id)));
          writeSettings(this.db, { schoolName: input.schoolName, administratorName: input.administratorName });
          appendAudit(this.db, now, {
            actor: input.administratorName,
            action: 'vault.created',
            details: { schoolName: input.schoolName, keyStore: this.store.kind },
          });
        })
        .immediate();
    } catch (error) {
      setAuditKey(this.db, null);
      await this.store.delete(keychainService, id).catch(() => false);
      throw error;
    }
    this.state = { kind: 'unlocked', key };
    this.onUnlock?.();
    return this.status();
  }

  /** Reads the key from the keychain again and checks it before unlocking. */
  async unlock(): Promise<VaultStatus> {
    const row = this.row();
    if (!row) return this.status();
    if (this.state.kind === 'unlocked') return this.status();
    let encoded: string | null;
    try {
      encoded = await this.store.get(keychainService, row.id);
    } catch (error) {
      const { reason, message } = describeKeychainError(error);
      this.log(`Unlock failed: keychain error (${error instanceof Error ? error.message : String(error)})`);
      this.state = { kind: 'locked', reason, message };
      return this.status();
    }
    if (!encoded) {
      // A locked keychain whose unlock prompt failed also answers "nothing here".
      const locked = await probeKeychain(this.store, row.id);
      this.log(`Unlock failed: ${locked ? 'the keychain is locked' : 'the vault key is not in the keychain'}`);
      this.state = locked ?? { kind: 'locked', reason: 'key-missing', message: keyMissingMessage };
      return this.status();
    }
    const key = Buffer.from(encoded, 'base64');
    let checked: string;
    try {
      if (key.length !== keyBytes || !row.key_check) throw new Error('bad key');
      checked = decryptSecret(key, row.key_check, aad.keyCheck(row.id));
      if (checked !== keyCheckPlaintext && checked !== sealedKeyCheckPlaintext) throw new Error('bad key check');
    } catch {
      key.fill(0);
      this.log('Unlock failed: the key in the keychain does not match this vault');
      this.state = { kind: 'locked', reason: 'key-mismatch', message: keyMismatchMessage };
      return this.status();
    }
    this.state = { kind: 'unlocked', key };
    this.openAudit(key, checked === sealedKeyCheckPlaintext);
    appendAudit(this.db, this.clock.now(), { actor: this.actor(), action: 'vault.unlocked' });
    this.onUnlock?.();
    return this.status();
  }

  /** Forgets the key. The renderer is told so it can clear what it shows. */
  lock(reason: 'manual' | 'idle' | 'os-lock'): VaultStatus {
    if (this.state.kind !== 'unlocked') return this.status();
    appendAudit(this.db, this.clock.now(), { actor: this.actor(), action: 'vault.locked', details: { reason } });
    setAuditKey(this.db, null);
    this.state.key.fill(0);
    this.state = { kind: 'locked', reason, message: lockMessages[reason]! };
    this.onLock?.(reason);
    return this.status();
  }

  /**
   * Opens the audit key and checks the whole log, with its seals, at every
   * unlock: damage is shown at once rather than when someone thinks to look.
   */
  private openAudit(key: Buffer, sealed: boolean): void {
    const opened = openAuditKey(this.db, key, sealed, this.clock.now(), this.actor());
    const check = verifyAudit(this.db, auditKeyIfUnlocked(this.db));
    this.auditProblem = opened.problem ?? (check.ok ? null : check.message);
    if (this.auditProblem) this.log(`Audit log check at unlock: ${this.auditProblem}`);
  }

  /** After a restore replaced the database under an unlocked vault: its audit key is the backup's. */
  reopenAudit(): void {
    if (this.state.kind === 'unlocked') this.openAudit(this.state.key, true);
  }
}
