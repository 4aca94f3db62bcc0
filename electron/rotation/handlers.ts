import { readFileSync } from 'node:fs';
import { KeyholderError } from '../../shared/contract';
import { termLabels } from '../../shared/policy/term-calendar';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/dispatcher';
import { markRotationRequired } from '../register/holders';
import { requireAccount } from '../register/accounts';
import { readSettings } from '../settings/settings-store';
import { writeFileAtomic } from '../transfer/atomic-write';
import type { VaultService } from '../vault/vault-service';
import { calendarView, readTerms, saveTerms, termsFromCsv, termsToCsv } from './calendar';
import { listRotations } from './due';
import { recordToCsv, rotationRecord } from './record';
import type { RotationService } from './rotation-service';

type Channels =
  | 'calendar.get'
  | 'calendar.save'
  | 'calendar.exportCsv'
  | 'calendar.importCsv'
  | 'rotations.list'
  | 'rotations.setPolicy'
  | 'rotations.reportThreat'
  | 'rotations.start'
  | 'rotations.get'
  | 'rotations.confirm'
  | 'rotations.abandon'
  | 'rotations.markTold'
  | 'rotations.record'
  | 'rotations.exportRecord';

export function rotationHandlers(
  ctx: CoreContext,
  vault: VaultService,
  rotations: RotationService,
): Pick<Handlers, Channels> {
  const row = (accountId: number) => {
    const found = listRotations(ctx.db, readSettings(ctx.db), ctx.clock.now(), accountId)[0];
    if (!found) throw new KeyholderError('NOT_FOUND', 'That account is closed or does not exist.');
    return found;
  };
  return {
    'calendar.get': () => calendarView(ctx.db, ctx.clock.now()),
    'calendar.save': ({ terms }) => {
      vault.key();
      return { saved: saveTerms(ctx.db, ctx.clock.now(), vault.actor(), terms) };
    },
    'calendar.exportCsv': async () => {
      const path = await ctx.platform.chooseSavePath({
        title: 'Save the term dates',
        defaultName: 'keyholder-term-dates.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!path) return { path: null };
      const terms = readTerms(ctx.db);
      writeFileAtomic(path, termsToCsv(terms.length > 0 ? terms : calendarView(ctx.db, ctx.clock.now()).terms));
      recordExport(ctx, vault, 'calendar.exported', { path });
      return { path };
    },
    'calendar.importCsv': async () => {
      vault.key();
      const path = await ctx.platform.chooseOpenPath({
        title: 'Choose a term dates file',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (!path) return { path: null, saved: 0 };
      const text = readFileSync(path, 'utf8');
      if (text.length > 100_000)
        throw new KeyholderError('INVALID_INPUT', 'That file is too large to be a term calendar.');
      return { path, saved: saveTerms(ctx.db, ctx.clock.now(), vault.actor(), termsFromCsv(text)) };
    },
    'rotations.list': () => listRotations(ctx.db, readSettings(ctx.db), ctx.clock.now()),
    'rotations.setPolicy': ({ accountId, policy }) => {
      vault.key();
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
      vault.key();
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
      const name = `keyholder-rotations-${termLabels[term].toLowerCase()}-${academicYear}-${String((academicYear + 1) % 100).padStart(2, '0')}.csv`;
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
function recordExport(ctx: CoreContext, vault: VaultService, action: string, details: Record<string, unknown>): void {
  appendAudit(ctx.db, ctx.clock.now(), { actor: vault.actor(), action, details });
}
