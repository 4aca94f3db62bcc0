import { KeyholderError } from '../../shared/contract';
import { academicYearLabel } from '../../shared/time';
import { termLabels } from '../../shared/policy/term-calendar';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { DomainHandlers } from '../core/dispatcher';
import { markRotationRequired } from '../holders/holders';
import { requireAccount } from '../accounts/accounts';
import { readSettings } from '../settings/settings-store';
import { writeFileAtomic } from '../lib/atomic-write';
import type { VaultService } from '../vault/vault-service';
import { readRotations } from './due';
import { listRotations } from './rotation-cache';
import { recordToCsv, rotationRecord } from './record';
import type { RotationService } from './rotation-service';
import type { AuditAction } from '../../shared/policy/audit-actions';

/** rotations.*: password changes on the school's schedule, security threats, and the termly record. */
export function rotationsHandlers(
  ctx: CoreContext,
  vault: VaultService,
  rotations: RotationService,
): DomainHandlers<'rotations'> {
  const row = (accountId: number) => {
    const found = readRotations(ctx.db, readSettings(ctx.db), ctx.clock.now(), accountId)[0];
    if (!found) throw new KeyholderError('NOT_FOUND', 'That account is closed or does not exist.');
    return found;
  };
  return {
    'rotations.list': () => listRotations(ctx.db, ctx.clock.now()),
    'rotations.setPolicy': ({ accountId, policy }) => {
      row(accountId); // refuses a closed or transferred account before anything is written
      const account = requireAccount(ctx.db, accountId);
      ctx.db
        .transaction(() => {
          ctx.db
            .prepare('UPDATE accounts SET rotation_policy = ?, rotation_days = ?, updated_at = ? WHERE id = ?')
            .run(policy.kind, policy.kind === 'days' ? policy.days : null, ctx.clock.now().toISOString(), accountId);
          appendAudit(ctx.db, ctx.clock.now(), {
            actor: vault.actor(),
            action: 'rotation.policy-set',
            targetType: 'account',
            targetId: accountId,
            targetLabel: account.handle,
            details: { policy },
          });
        })
        .immediate();
      return row(accountId);
    },
    'rotations.reportThreat': ({ accountId, reason }) => {
      row(accountId); // refuses a closed or transferred account before anything is written
      const account = requireAccount(ctx.db, accountId);
      ctx.db
        .transaction(() =>
          markRotationRequired(
            ctx.db,
            ctx.clock.now(),
            vault.actor(),
            accountId,
            account.handle,
            `security threat reported: ${reason}`,
          ),
        )
        .immediate();
      return row(accountId);
    },
    'rotations.start': ({ accountId, reason, password }) => rotations.start(accountId, reason, password),
    'rotations.get': ({ rotationId }) => rotations.detail(rotationId),
    'rotations.confirm': ({ rotationId }) => rotations.confirm(rotationId),
    'rotations.abandon': ({ rotationId, note }) => rotations.abandon(rotationId, note),
    'rotations.markTold': ({ rotationId, personId, channel }) => rotations.markTold(rotationId, personId, channel),
    'rotations.record': ({ academicYear, term }) => rotationRecord(ctx.db, academicYear, term),
    'rotations.exportRecord': async ({ academicYear, term }) => {
      const rows = rotationRecord(ctx.db, academicYear, term);
      const name = `keyholder-rotations-${termLabels[term].toLowerCase()}-${academicYearLabel(academicYear).replace('/', '-')}.csv`;
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the rotation record',
        defaultName: name,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!path) return { path: null, rows: 0 };
      writeFileAtomic(path, recordToCsv(rows));
      recordExport(ctx, vault, 'rotations.record-exported', { path, academicYear, term, rows: rows.length });
      return { path, rows: rows.length };
    },
  };
}

/** Every file Keyholder writes out is in the audit log: what, where, by whom. */
function recordExport(
  ctx: CoreContext,
  vault: VaultService,
  action: AuditAction,
  details: Record<string, unknown>,
): void {
  appendAudit(ctx.db, ctx.clock.now(), { actor: vault.actor(), action, details });
}
