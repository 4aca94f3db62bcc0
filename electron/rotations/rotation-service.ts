import { KeyholderError, type RotationDetail } from '../../shared/contract';
import type { PlatformId } from '../../shared/policy/platforms';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import { requireAccount } from '../accounts/accounts';
import { readSettings } from '../settings/settings-store';
import { generatePassword } from '../vault/generator';
import type { SecretsService } from '../secrets/secrets';
import type { VaultService } from '../vault/vault-service';
import { rotationSteps } from './steps';

interface RotationRow {
  id: number;
  account_id: number;
  status: RotationDetail['status'];
  reason: string;
  source: RotationDetail['source'];
  started_at: string;
  started_by: string;
  finished_at: string | null;
  finished_by: string | null;
}

/**
 * Two-phase rotation. Start stores the candidate as the account's encrypted
 * pending password; Confirm swaps it in (old password to history) in one
 * transaction; Abandon discards it. A crash at any point leaves either the
 * old password current, or the new one current with the old in history.
 */
export class RotationService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly vault: VaultService,
    private readonly secrets: SecretsService,
  ) {}

  private row(rotationId: number): RotationRow {
    const row = this.ctx.db.prepare('SELECT * FROM rotations WHERE id = ?').get(rotationId) as RotationRow | undefined;
    if (!row) throw new KeyholderError('NOT_FOUND', 'That rotation does not exist. Refresh the page.');
    return row;
  }

  detail(rotationId: number): RotationDetail {
    const row = this.row(rotationId);
    const account = requireAccount(this.ctx.db, row.account_id);
    const holders = this.ctx.db
      .prepare(
        `SELECT p.id AS personId, p.name, n.channel, n.told_at AS toldAt
         FROM account_holders h JOIN people p ON p.id = h.person_id
         LEFT JOIN rotation_notices n ON n.rotation_id = ? AND n.person_id = p.id
         WHERE h.account_id = ? AND h.removed_on IS NULL ORDER BY p.name`,
      )
      .all(rotationId, row.account_id) as {
      personId: number;
      name: string;
      channel: 'in-person' | 'secure-channel' | null;
      toldAt: string | null;
    }[];
    return {
      rotationId: row.id,
      accountId: row.account_id,
      label: account.handle,
      status: row.status,
      reason: row.reason,
      source: row.source,
      startedAt: row.started_at,
      startedBy: row.started_by,
      finishedAt: row.finished_at,
      finishedBy: row.finished_by,
      steps: rotationSteps(account.platform as PlatformId, account.handle, account.profile_url !== ''),
      profileUrl: account.profile_url,
      holdersToTell: holders.map((h) => ({
        personId: h.personId,
        name: h.name,
        told: h.channel && h.toldAt ? { channel: h.channel, toldAt: h.toldAt } : null,
      })),
    };
  }

  start(accountId: number, reason: string, typed?: string): RotationDetail {
    const db = this.ctx.db;
    const account = requireAccount(db, accountId);
    if (account.status === 'closed' || account.status === 'transferred')
      throw new KeyholderError('POLICY', `${account.handle} is ${account.status}; there is no password to change.`);
    const pending = db
      .prepare("SELECT id FROM rotations WHERE account_id = ? AND status = 'pending'")
      .get(accountId) as { id: number } | undefined;
    if (pending)
      throw new KeyholderError(
        'CONFLICT',
        `A password change for ${account.handle} is already under way. Finish or abandon it first.`,
      );
    const settings = readSettings(db);
    const source = typed === undefined ? 'generated' : 'typed';
    let candidate = typed ?? '';
    for (let attempt = 0; ; attempt += 1) {
      if (source === 'generated')
        candidate = generatePassword({
          length: settings.generatedPasswordLength,
          avoidLookAlikes: settings.avoidLookAlikes,
        });
      const check = this.secrets.checkNewPassword(accountId, candidate, source);
      if (check.ok) break;
      if (source === 'typed' || attempt > 5)
        throw new KeyholderError('POLICY', `The new password was not accepted. ${check.reasons.join(' ')}`);
    }
    const actor = this.vault.actor();
    const now = this.ctx.clock.now().toISOString();
    const id = db
      .transaction(() => {
        const result = db
          .prepare(
            "INSERT INTO rotations (account_id, status, reason, source, started_at, started_by) VALUES (?, 'pending', ?, ?, ?, ?)",
          )
          .run(accountId, reason, source, now, actor);
        this.secrets.writeSecret(accountId, account.handle, 'pendingPassword', candidate, {
          actor,
          now,
          reason,
          source,
        });
        const rotationId = Number(result.lastInsertRowid);
        appendAudit(db, new Date(now), {
          actor,
          action: 'rotation.started',
          targetType: 'account',
          targetId: accountId,
          targetLabel: account.handle,
          details: { rotationId, reason, source },
        });
        return rotationId;
      })
      .immediate();
    return this.detail(id);
  }

  confirm(rotationId: number): RotationDetail {
    const db = this.ctx.db;
    const row = this.row(rotationId);
    if (row.status !== 'pending')
      throw new KeyholderError('CONFLICT', `This password change was already ${row.status}.`);
    const account = requireAccount(db, row.account_id);
    const actor = this.vault.actor();
    const now = this.ctx.clock.now().toISOString();
    db.transaction(() => {
      const value = this.secrets.decryptField(row.account_id, 'pendingPassword');
      if (value === null)
        throw new KeyholderError(
          'INTERNAL',
          'The new password for this change is missing. Abandon this change and start again.',
        );
      this.secrets.writeSecret(row.account_id, account.handle, 'password', value, {
        actor,
        now,
        reason: `Rotation: ${row.reason}`,
        source: row.source,
      });
      db.prepare("DELETE FROM account_secrets WHERE account_id = ? AND field = 'pendingPassword'").run(row.account_id);
      db.prepare("UPDATE rotations SET status = 'confirmed', finished_at = ?, finished_by = ? WHERE id = ?").run(
        now,
        actor,
        rotationId,
      );
      appendAudit(db, new Date(now), {
        actor,
        action: 'rotation.confirmed',
        targetType: 'account',
        targetId: row.account_id,
        targetLabel: account.handle,
        details: { rotationId, reason: row.reason },
      });
    }).immediate();
    return this.detail(rotationId);
  }

  abandon(rotationId: number, note: string): RotationDetail {
    const db = this.ctx.db;
    const row = this.row(rotationId);
    if (row.status !== 'pending')
      throw new KeyholderError('CONFLICT', `This password change was already ${row.status}.`);
    const account = requireAccount(db, row.account_id);
    const actor = this.vault.actor();
    const now = this.ctx.clock.now().toISOString();
    db.transaction(() => {
      db.prepare("DELETE FROM account_secrets WHERE account_id = ? AND field = 'pendingPassword'").run(row.account_id);
      db.prepare(
        "UPDATE rotations SET status = 'abandoned', finished_at = ?, finished_by = ?, finish_note = ? WHERE id = ?",
      ).run(now, actor, note, rotationId);
      appendAudit(db, new Date(now), {
        actor,
        action: 'rotation.abandoned',
        targetType: 'account',
        targetId: row.account_id,
        targetLabel: account.handle,
        details: { rotationId, note },
      });
    }).immediate();
    return this.detail(rotationId);
  }

  markTold(rotationId: number, personId: number, channel: 'in-person' | 'secure-channel'): RotationDetail {
    const db = this.ctx.db;
    const row = this.row(rotationId);
    if (row.status !== 'confirmed')
      throw new KeyholderError('POLICY', 'Tell holders the new password only after the change is confirmed.');
    const holder = db
      .prepare(
        'SELECT p.name FROM account_holders h JOIN people p ON p.id = h.person_id WHERE h.account_id = ? AND h.person_id = ? AND h.removed_on IS NULL',
      )
      .get(row.account_id, personId) as { name: string } | undefined;
    if (!holder)
      throw new KeyholderError('POLICY', 'Only the named holders of this account should be told the new password.');
    const now = this.ctx.clock.now().toISOString();
    db.transaction(() => {
      db.prepare(
        'INSERT INTO rotation_notices (rotation_id, person_id, channel, told_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET channel = excluded.channel, told_at = excluded.told_at',
      ).run(rotationId, personId, channel, now);
      appendAudit(db, new Date(now), {
        actor: this.vault.actor(),
        action: 'rotation.holder-told',
        targetType: 'account',
        targetId: row.account_id,
        details: { rotationId, holder: holder.name, channel },
      });
    }).immediate();
    return this.detail(rotationId);
  }
}
