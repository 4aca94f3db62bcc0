import { KeyholderError, type HistoryEntry, type ReadableField, type SecretField } from '../../shared/contract';
import { checkPassword } from '../../shared/policy/password-policy';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import { getAccountRow } from '../accounts/accounts';
import { readSettings } from '../settings/settings-store';
import { ClipboardGuard } from './clipboard-guard';
import { aad, decryptSecret } from '../vault/envelope';
import { historyDepth, readable, storeSecret } from './secret-rows';
import type { VaultService } from '../vault/vault-service';

export { historyDepth };
/** A person sets a few passwords a minute at most; a script guessing would need thousands. */
export const reuseChecksPerMinute = 20;

interface SecretRow {
  envelope: string;
  set_at: string;
  set_by: string;
  reason: string;
}

interface HistoryRow extends SecretRow {
  id: number;
  retired_at: string;
  retired_by: string;
  retired_reason: string;
}

export interface SetSecretInput {
  accountId: number;
  field: SecretField;
  value: string;
  source: 'generated' | 'typed';
  reason: string;
}

/** Secrets of one account: set (with policy and history), reveal, copy. */
export class SecretsService {
  private readonly clipboard: ClipboardGuard;
  /** When each recent comparison with stored passwords was made, to slow down guessing. */
  private reuseChecks: number[] = [];

  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
  ) {
    this.clipboard = new ClipboardGuard(ctx.platform, ctx.log);
  }

  current(accountId: number, field: ReadableField): SecretRow | undefined {
    return this.ctx.db
      .prepare('SELECT envelope, set_at, set_by, reason FROM account_secrets WHERE account_id = ? AND field = ?')
      .get(accountId, field) as SecretRow | undefined;
  }

  private historyRows(accountId: number): HistoryRow[] {
    return this.ctx.db
      .prepare('SELECT * FROM password_history WHERE account_id = ? ORDER BY id DESC')
      .all(accountId) as HistoryRow[];
  }

  /** Decrypts the current password and the kept history, to refuse reuse; a damaged one is skipped. */
  private previousPasswords(key: Buffer, vaultId: string, accountId: number): string[] {
    const current = this.current(accountId, 'password');
    const sealed = [
      ...(current ? [{ envelope: current.envelope, aad: aad.secret(vaultId, accountId, 'password') }] : []),
      ...this.historyRows(accountId).map((row) => ({
        envelope: row.envelope,
        aad: aad.history(vaultId, accountId, row.id),
      })),
    ];
    return sealed.flatMap((s) => readable(key, s.envelope, s.aad) ?? []);
  }

  /** Comparing a typed password with the stored ones answers a guess, so only so many a minute. */
  private throttleReuseChecks(): void {
    const now = this.ctx.clock.now().getTime();
    this.reuseChecks = this.reuseChecks.filter((at) => now - at < 60_000);
    if (this.reuseChecks.length >= reuseChecksPerMinute) {
      throw new KeyholderError(
        'POLICY',
        'Too many passwords were checked in the last minute. Wait a minute, then try again.',
      );
    }
    this.reuseChecks.push(now);
  }

  checkNewPassword(accountId: number | undefined, password: string, source: 'generated' | 'typed') {
    const settings = readSettings(this.ctx.db);
    const account = accountId ? getAccountRow(this.ctx.db, accountId) : undefined;
    const forbiddenWords = [settings.schoolName, account?.handle ?? '', account?.display_name ?? ''].filter(Boolean);
    const minLength = source === 'generated' ? settings.minGeneratedPasswordLength : settings.minTypedPasswordLength;
    const result = checkPassword({ password, minLength, forbiddenWords });
    if (accountId && this.vault.isUnlocked()) {
      this.throttleReuseChecks();
      const reused = this.previousPasswords(this.vault.key(), this.vault.vaultId(), accountId).includes(password);
      if (reused) {
        // The answer says a guess matched a stored password: it is recorded.
        appendAudit(this.ctx.db, this.ctx.clock.now(), {
          actor: this.vault.actor(),
          action: 'secret.reuse-refused',
          targetType: 'account',
          targetId: accountId,
          targetLabel: account?.handle ?? null,
        });
        result.reasons.push(
          `This account has used this password before (Keyholder checks the last ${historyDepth}). Choose a new one.`,
        );
      }
    }
    return { ...result, ok: result.reasons.length === 0 };
  }

  /** Stores a new current value, inside the caller's transaction (see storeSecret). */
  writeSecret(
    accountId: number,
    label: string,
    field: SecretField | 'pendingPassword',
    value: string,
    meta: { actor: string; now: string; reason: string; source: string },
  ): void {
    storeSecret(
      this.ctx.db,
      { key: this.vault.key(), vaultId: this.vault.vaultId() },
      accountId,
      label,
      field,
      value,
      meta,
    );
  }

  /** Decrypts a stored value without auditing: for moving a pending password into place. */
  decryptField(accountId: number, field: ReadableField): string | null {
    const row = this.current(accountId, field);
    return row
      ? decryptSecret(this.vault.key(), row.envelope, aad.secret(this.vault.vaultId(), accountId, field))
      : null;
  }

  set(input: SetSecretInput) {
    const account = getAccountRow(this.ctx.db, input.accountId);
    if (!account)
      throw new KeyholderError('NOT_FOUND', 'That account no longer exists. Refresh the list and try again.');
    if (input.field === 'password') {
      const pending = this.ctx.db
        .prepare("SELECT 1 FROM rotations WHERE account_id = ? AND status = 'pending'")
        .get(input.accountId);
      if (pending) {
        throw new KeyholderError(
          'CONFLICT',
          `A password change for ${account.handle} is under way. Confirm or abandon it on the account page first.`,
        );
      }
      const check = this.checkNewPassword(input.accountId, input.value, input.source);
      if (!check.ok) throw new KeyholderError('POLICY', `The password was not saved. ${check.reasons.join(' ')}`);
    }
    const actor = this.vault.actor();
    const now = this.ctx.clock.now().toISOString();
    this.ctx.db
      .transaction(() => {
        this.writeSecret(input.accountId, account.handle, input.field, input.value, {
          actor,
          now,
          reason: input.reason,
          source: input.source,
        });
      })
      .immediate();
    return { field: input.field, setAt: now, setBy: actor, reason: input.reason, damaged: false };
  }

  private read(accountId: number, field: ReadableField, action: 'secret.revealed' | 'secret.copied'): string {
    const key = this.vault.key();
    const account = getAccountRow(this.ctx.db, accountId);
    const row = this.current(accountId, field);
    if (!account || !row)
      throw new KeyholderError('NOT_FOUND', 'There is no stored value to show for this account yet.');
    const value = readable(key, row.envelope, aad.secret(this.vault.vaultId(), accountId, field));
    if (value === null) {
      throw new KeyholderError(
        'VAULT_DAMAGED',
        `The stored ${field === 'password' ? 'password' : 'value'} for ${account.handle} is damaged and cannot be shown. Nothing was changed. Choose "Set password" to store a new one (reset it on the platform first if nobody knows it).`,
      );
    }
    appendAudit(this.ctx.db, this.ctx.clock.now(), {
      actor: this.vault.actor(),
      action,
      targetType: 'account',
      targetId: accountId,
      targetLabel: account.handle,
      details: { field },
    });
    return value;
  }

  reveal(accountId: number, field: ReadableField) {
    const value = this.read(accountId, field, 'secret.revealed');
    return { value, hideAfterSeconds: readSettings(this.ctx.db).clipboardSeconds };
  }

  /** Copies through the platform and clears it later, only if it still holds our value. */
  async copy(accountId: number, field: ReadableField) {
    const value = this.read(accountId, field, 'secret.copied');
    const seconds = readSettings(this.ctx.db).clipboardSeconds;
    await this.clipboard.copy(value, seconds);
    return { clearAfterSeconds: seconds };
  }

  clearClipboardIfOurs(): Promise<void> {
    return this.clipboard.clearIfOurs();
  }

  summary(accountId: number) {
    const rows = this.ctx.db
      .prepare(
        "SELECT field, set_at, set_by, reason FROM account_secrets WHERE account_id = ? AND field != 'pendingPassword' ORDER BY field",
      )
      .all(accountId) as (Omit<SecretRow, 'envelope'> & { field: SecretField })[];
    const key = this.vault.isUnlocked() ? this.vault.key() : null;
    const vaultId = key ? this.vault.vaultId() : '';
    const envelope = this.ctx.db.prepare('SELECT envelope FROM account_secrets WHERE account_id = ? AND field = ?');
    // While unlocked, each value is tried so a damaged one is shown with its fix before anyone needs it.
    const damaged = (field: SecretField) =>
      key !== null &&
      readable(
        key,
        (envelope.get(accountId, field) as { envelope: string }).envelope,
        aad.secret(vaultId, accountId, field),
      ) === null;
    return rows.map((row) => ({
      field: row.field,
      setAt: row.set_at,
      setBy: row.set_by,
      reason: row.reason,
      damaged: damaged(row.field),
    }));
  }

  history(accountId: number): HistoryEntry[] {
    return this.historyRows(accountId).map((row) => ({
      id: row.id,
      setAt: row.set_at,
      setBy: row.set_by,
      reason: row.reason,
      retiredAt: row.retired_at,
      retiredBy: row.retired_by,
      retiredReason: row.retired_reason,
    }));
  }
}
